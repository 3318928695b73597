import fs from 'node:fs';
import { INCREMENTAL_FILE, MUTATION_MODULES, reportDir } from './modules.mjs';

type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
type FileReport = { source: string; mutants: { status: MutantStatus; mutatorName: string; replacement?: string; killedBy?: string[]; location: { start: { line: number } } }[] };
type TestFileReport = { source?: string; tests: { id: string; name: string }[] };
export type TestName = { file: string; name: string };
export type Report = { files: Record<string, FileReport>; testFiles?: Record<string, TestFileReport> };

/**
 * Prints the mutation score of each module from its Stryker incremental files (full
 * reports in the mutation-testing-report-schema, kept in git so that a fresh clone starts
 * from the last run) and lists what survived. A file whose code changed since its report
 * is flagged stale: its mutants are the old code's until the module is run again. Score as Stryker counts it:
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
    const { files, stale } = moduleFiles(name);
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
      `${name.padEnd(14)} ${`${score.toFixed(1)} %`.padStart(8)} ${String(target).padStart(6)} % ${String(count.Killed ?? 0).padStart(7)} ${String(count.Timeout ?? 0).padStart(8)} ${String(count.Survived ?? 0).padStart(9)} ${String(count.NoCoverage ?? 0).padStart(9)} ${String(count.Ignored ?? 0).padStart(8)}${stale.length ? `  stale: ${stale.join(', ')}` : ''}`,
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
 * its narrowed runs (reportDir's parts/). For each file: the report made from its current
 * code, else (stale) the newest one that holds it. File times cannot order the reports on
 * a fresh clone, where every file is as new as the checkout; the code they hold can.
 */
export function moduleFiles(name: string): { files: Map<string, FileReport>; stale: string[]; tests: Map<FileReport, Map<string, TestName>> } {
  const base = reportDir(name, '');
  const partsDir = `${base}/parts`;
  const candidates = [base, ...(fs.existsSync(partsDir) ? fs.readdirSync(partsDir).map((part) => `${partsDir}/${part}`) : [])]
    .map((dir) => `${dir}/${INCREMENTAL_FILE}`)
    .filter((file) => fs.existsSync(file));
  const reports = candidates
    .map((file) => ({ mtime: fs.statSync(file).mtimeMs, report: JSON.parse(fs.readFileSync(file, 'utf8')) as Report }))
    .sort((a, b) => b.mtime - a.mtime);
  const files = new Map<string, FileReport>();
  const stale: string[] = [];
  // Test ids ('0', '1', …) are numbered per report: a file's killers are named by its own report.
  const tests = new Map<FileReport, Map<string, TestName>>();
  const testsById = new Map<FileReport, Map<string, TestName>>();
  for (const { report } of reports) {
    const byId = new Map<string, TestName>();
    for (const [file, { tests: list }] of Object.entries(report.testFiles ?? {})) for (const test of list) byId.set(test.id, { file, name: test.name });
    for (const file of Object.values(report.files)) testsById.set(file, byId);
  }
  const paths = new Set(reports.flatMap(({ report }) => Object.keys(report.files)));
  for (const path of [...paths].sort()) {
    const current = fs.existsSync(path) ? fs.readFileSync(path, 'utf8') : undefined;
    const held = reports.map(({ report }) => report.files[path]).filter((file): file is FileReport => Boolean(file));
    // Several reports of the current code (a module run and a part narrowed to other test
    // suites): the one whose tests caught the most; the code is the same, only the suites
    // run differ, and a mutant any of the project's suites catches is caught.
    const matching = held.filter((file) => file.source === current).sort((a, b) => detected(b) - detected(a))[0];
    if (!matching) stale.push(path);
    const chosen = matching ?? held[0]!;
    files.set(path, chosen);
    tests.set(chosen, testsById.get(chosen)!);
  }
  return { files, stale, tests };
}

function detected(file: FileReport): number {
  return file.mutants.filter((mutant) => mutant.status === 'Killed' || mutant.status === 'Timeout').length;
}

function oneLine(text: string | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
