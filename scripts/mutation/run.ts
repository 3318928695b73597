// npm run test:mutation [-- --module <name> [--mutate <files>]]: Stryker over each module in
// scripts/mutation/modules.mjs (or the one named), one run per module, then the score table.
// --mutate narrows one module's run to some of its files (Stryker's --mutate); its report
// and incremental file then hold those files only. --tests narrows the suites it runs
// (comma-separated globs, MUTATION_TESTS) to the ones that reach those files.
// Always on PGlite: the database variables are dropped so the run is self-contained.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { MUTATION_MODULES } from './modules.mjs';
import { printScores } from './scores';

const { values } = parseArgs({ options: { module: { type: 'string' }, mutate: { type: 'string' }, tests: { type: 'string' } } });
const names = MUTATION_MODULES.map((m) => m.name);
if (values.module && !names.includes(values.module)) {
  console.error(`--module must be one of ${names.join(', ')}`);
  process.exit(2);
}
if ((values.mutate || values.tests) && !values.module) {
  console.error('--mutate and --tests need --module');
  process.exit(2);
}
const selected = values.module ? [values.module] : names;
const extra = values.mutate ? ['--mutate', values.mutate] : [];

const env = { ...process.env };
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;
if (values.tests) env.MUTATION_TESTS = values.tests;
// stryker.config.mjs puts a narrowed run's reports in their own folder (modules.mjs reportDir).
if (values.mutate) env.MUTATION_MUTATE = values.mutate;

let failed = false;
for (const name of selected) {
  const started = Date.now();
  console.log(`\n== mutation: ${name}`);
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...extra], { stdio: 'inherit', env: { ...env, MUTATION_MODULE: name } });
  console.log(`== ${name}: ${run.status === 0 ? 'done' : `stryker exited ${run.status ?? run.signal}`} in ${Math.round((Date.now() - started) / 1000)} s`);
  failed ||= run.status !== 0;
}

const belowTarget = printScores(selected);
process.exit(failed || belowTarget ? 1 : 0);
