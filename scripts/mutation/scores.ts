import fs from 'node:fs';
import { MUTATION_MODULES, reportDir } from './modules.mjs';

type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
type Report = {
  files: Record<string, { mutants: { status: MutantStatus; mutatorName: string; replacement?: string; location: { start: { line: number } } }[] }>;
};

/**
 * Prints the mutation score of each module from its Stryker JSON report
 * (mutation-testing-report-schema) and lists what survived. Score as Stryker counts it:
 * detected (killed + timeout) over valid mutants (detected + survived + no coverage);
 * compile errors and ignored (// Stryker disable) mutants are not counted.
 * Returns true when a module is under its target or has no report.
 */
export function printScores(names: string[]): boolean {
  let belowTarget = false;
  const rows: string[] = [];
  const survivors: string[] = [];
  for (const name of names) {
    const target = MUTATION_MODULES.find((m) => m.name === name)!.target;
    const files = moduleFiles(name);
    if (!files.size) {
      rows.push(`${name.padEnd(14)} ${'no report'.padStart(8)}`);
      belowTarget = true;
      continue;
    }
    const count: Partial<Record<MutantStatus, number>> = {};
    for (const [path, { mutants }] of files) {
      for (const mutant of mutants) {
        count[mutant.status] = (count[mutant.status] ?? 0) + 1;
        if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
          survivors.push(`  ${name}: ${path}:${mutant.location.start.line} ${mutant.mutatorName} → ${oneLine(mutant.replacement)} (${mutant.status})`);
        }
      }
    }
    const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
    const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
    const score = valid ? (100 * detected) / valid : 100;
    belowTarget ||= score < target;
    rows.push(
      `${name.padEnd(14)} ${`${score.toFixed(1)} %`.padStart(8)} ${String(target).padStart(6)} % ${String(count.Killed ?? 0).padStart(7)} ${String(count.Timeout ?? 0).padStart(8)} ${String(count.Survived ?? 0).padStart(9)} ${String(count.NoCoverage ?? 0).padStart(9)} ${String(count.Ignored ?? 0).padStart(8)}`,
    );
  }
  console.log('\nMutation score per module (HTML report: reports/mutation/<module>/index.html)');
  console.log(`${'module'.padEnd(14)} ${'score'.padStart(8)} ${'target'.padStart(8)} ${'killed'.padStart(7)} ${'timeout'.padStart(8)} ${'survived'.padStart(9)} ${'no cover'.padStart(9)} ${'ignored'.padStart(8)}`);
  for (const row of rows) console.log(row);
  if (survivors.length) {
    console.log(`\nSurvivors (${survivors.length}):`);
    for (const line of survivors) console.log(line);
  }
  return belowTarget;
}

/**
 * The module's mutants per source file, from its whole-module report and the reports of
 * its narrowed runs (reportDir's parts/): for each file, the newest report that holds it.
 */
function moduleFiles(name: string): Map<string, Report['files'][string]> {
  const base = reportDir(name, '');
  const partsDir = `${base}/parts`;
  const candidates = [`${base}/mutation.json`, ...(fs.existsSync(partsDir) ? fs.readdirSync(partsDir).map((part) => `${partsDir}/${part}/mutation.json`) : [])];
  const reports = candidates
    .filter((file) => fs.existsSync(file))
    .map((file) => ({ mtime: fs.statSync(file).mtimeMs, report: JSON.parse(fs.readFileSync(file, 'utf8')) as Report }))
    .sort((a, b) => a.mtime - b.mtime);
  const files = new Map<string, Report['files'][string]>();
  for (const { report } of reports) for (const [path, file] of Object.entries(report.files)) files.set(path, file);
  return files;
}

function oneLine(text: string | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
