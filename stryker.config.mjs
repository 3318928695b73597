// Mutation testing (issue 18): `npm run test:mutation` (scripts/mutation/run.ts) runs this
// once per module in scripts/mutation/modules.mjs with MUTATION_MODULE set.
import { INCREMENTAL_FILE, reportDir, selectedModule } from './scripts/mutation/modules.mjs';

const selected = selectedModule();
const dir = reportDir(selected.name);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // A --mutate on the command line (run.ts's narrowed and PostgreSQL runs) replaces this list.
  mutate: [...selected.mutate, ...(selected.postgres ?? []).map((file) => `!${file}`), '!**/*.test.ts'],
  // Each mutant runs only the tests that reached it in the first (dry) run.
  coverageAnalysis: 'perTest',
  // Two cores shared with other work; each test runner holds its own PGlite databases.
  // MUTATION_CONCURRENCY=2 on an otherwise idle machine halves a run's time.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `${dir}/${INCREMENTAL_FILE}`,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `${dir}/index.html` },
  jsonReporter: { fileName: `${dir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // A suite on PGlite takes seconds; a mutant that loops is cut off well before the default.
  timeoutMS: 30_000,
  // The first run goes through every suite of the module with one worker: minutes on PGlite.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/.next', '/.next-*', '/.data', '/e2e', '/public', '/reports', '/test-results', '/playwright-report', '/bench-results', '/.ci'],
  thresholds: { high: 90, low: selected.target, break: null },
};

export default config;
