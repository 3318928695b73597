// npm run test:mutation [-- --module <name> [--mutate <files>]]: Stryker over each module in
// scripts/mutation/modules.mjs (or the one named), one run per module, then the score table.
// --scores prints the table from the incremental files kept in git, without running.
// --force re-tests every mutant of the run (Stryker's --force): incremental results of
// static mutants are reused when only tests changed, since Stryker cannot tie them to a test.
// --mutate narrows one module's run to some of its files (Stryker's --mutate); its report
// and incremental file then hold those files only. --tests narrows the suites it runs
// (comma-separated globs, MUTATION_TESTS) to the ones that reach those files.
// On PGlite (the database variables are dropped so the run is self-contained), except a
// module's `postgres` files: their own run against MUTATION_DATABASE_URL (default the local
// server, postgres://postgres@127.0.0.1:5432/postgres), where tests make their databases.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { MUTATION_MODULES } from './modules.mjs';
import { printScores } from './scores';

const { values } = parseArgs({ options: { module: { type: 'string' }, mutate: { type: 'string' }, tests: { type: 'string' }, scores: { type: 'boolean' }, force: { type: 'boolean' } } });
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
if (values.scores) process.exit(printScores(selected) ? 1 : 0);
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;
if (values.tests) env.MUTATION_TESTS = values.tests;
const serverUrl = process.env.MUTATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Run = { name: string; mutate?: string; postgres: boolean };
const runs: Run[] = selected.flatMap((name): Run[] => {
  const postgresFiles = MUTATION_MODULES.find((m) => m.name === name)!.postgres ?? [];
  if (values.mutate) return [{ name, mutate: values.mutate, postgres: values.mutate.split(',').every((file) => postgresFiles.includes(file)) }];
  return [{ name, postgres: false }, ...(postgresFiles.length ? [{ name, mutate: postgresFiles.join(','), postgres: true }] : [])];
});

let failed = false;
for (const run of runs) {
  const started = Date.now();
  const label = `${run.name}${run.mutate ? ` (${run.mutate})` : ''} on ${run.postgres ? 'PostgreSQL' : 'PGlite'}`;
  console.log(`\n== mutation: ${label}`);
  // stryker.config.mjs puts a narrowed run's reports in their own folder (modules.mjs reportDir).
  const runEnv = { ...env, MUTATION_MODULE: run.name, ...(run.mutate ? { MUTATION_MUTATE: run.mutate } : {}), ...(run.postgres ? { TEST_DATABASE_URL: serverUrl } : {}) };
  const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...(run.mutate ? ['--mutate', run.mutate] : []), ...(values.force ? ['--force'] : [])], { stdio: 'inherit', env: runEnv });
  console.log(`== ${label}: ${result.status === 0 ? 'done' : `stryker exited ${result.status ?? result.signal}`} in ${Math.round((Date.now() - started) / 1000)} s`);
  failed ||= result.status !== 0;
}

const belowTarget = printScores(selected);
process.exit(failed || belowTarget ? 1 : 0);
