// npm run test:mutation:isolation [-- --module <name>] [--every-test]: are the module's kills real?
//
// Stryker runs, per mutant, only the tests that reached it (coverageAnalysis perTest, a
// vitest name filter). A test that passes only after the tests before it in its file (it
// reads what they wrote) fails on its own whatever the mutant, and every mutant only it
// reaches is counted as killed. This runs each test that killed a mutant alone, on the
// unchanged code and on PGlite as Stryker does, and lists those that fail alone and the
// mutants that only they killed: those kills prove nothing until the test stands alone.
// --every-test runs every test of the module's suites alone instead (no report needed):
// the check to make before a run.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MUTATION_MODULES } from './modules.mjs';
import { moduleFiles, type TestName } from './scores';

const { values } = parseArgs({ options: { module: { type: 'string' }, 'every-test': { type: 'boolean' } } });
const names = MUTATION_MODULES.map((m) => m.name);
if (values.module && !names.includes(values.module)) {
  console.error(`--module must be one of ${names.join(', ')}`);
  process.exit(2);
}

const env = { ...process.env };
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;

/** Runs one test alone on PGlite (as Stryker's name filter does); true when it passes. */
function passesAlone(test: TestName): Promise<boolean> {
  const pattern = `^${test.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', test.file, '--testNamePattern', pattern], { env });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve(code === 0 && /Tests\s+1 passed/.test(out.replace(/\x1b\[[0-9;]*m/g, ''))));
  });
}

/** The tests (file, full name) that fail alone, two at a time (two cores). */
async function failingAlone(tests: TestName[]): Promise<TestName[]> {
  const failing: TestName[] = [];
  const queue = [...tests];
  const worker = async () => {
    for (let test = queue.shift(); test; test = queue.shift()) {
      const passed = await passesAlone(test);
      if (!passed) failing.push(test);
      process.stdout.write(passed ? '.' : 'F');
    }
  };
  await Promise.all([worker(), worker()]);
  process.stdout.write('\n');
  return failing;
}

const key = (test: TestName) => `${test.file}\u0000${test.name}`;

/** Every test of a module's suites, by file and full name as a name filter sees it. */
function listTests(name: string): TestName[] {
  const run = spawnSync('npx', ['vitest', 'list', '--config', 'vitest.mutation.config.ts', '--json'], { env: { ...env, MUTATION_MODULE: name }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const listed = JSON.parse(run.stdout) as { name: string; file: string }[];
  return listed.map((t) => ({ file: path.relative(process.cwd(), t.file), name: t.name.split(' > ').join(' ') }));
}

let problems = 0;
for (const name of values.module ? [values.module] : names) {
  if (values['every-test']) {
    const all = listTests(name);
    const failing = await failingAlone(all);
    problems += failing.length;
    console.log(`${name}: ${all.length} tests, ${failing.length} fail alone`);
    for (const test of failing) console.log(`  fails alone: ${test.file} › ${test.name}`);
    continue;
  }
  const { files, tests } = moduleFiles(name);
  if (!files.size) {
    console.log(`${name}: no report`);
    continue;
  }
  // Killing tests by file and name (ids are numbered per report).
  const killers = new Map<string, TestName>();
  for (const file of files.values()) for (const m of file.mutants) if (m.status === 'Killed') for (const id of m.killedBy ?? []) {
    const test = tests.get(file)!.get(id);
    if (test) killers.set(key(test), test);
  }
  const failsAlone = new Set((await failingAlone([...killers.values()])).map(key));

  const suspect: string[] = [];
  for (const [source, file] of files) {
    for (const m of file.mutants) {
      if (m.status !== 'Killed' || !m.killedBy?.length) continue;
      const byId = tests.get(file)!;
      if (m.killedBy.every((id) => byId.has(id) && failsAlone.has(key(byId.get(id)!)))) suspect.push(`  ${source}:${m.location.start.line} ${m.mutatorName}`);
    }
  }
  problems += suspect.length;
  console.log(`${name}: ${killers.size} killing tests, ${failsAlone.size} fail alone; ${suspect.length} kills only by those`);
  for (const id of failsAlone) console.log(`  fails alone: ${killers.get(id)!.file} › ${killers.get(id)!.name}`);
  for (const line of suspect) console.log(line);
}
process.exit(problems ? 1 : 0);
