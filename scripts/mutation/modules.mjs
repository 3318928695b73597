// The modules mutation testing covers (issue 18): where a wrong line means a wrong figure
// or a leak. Each is run as its own Stryker run with its own report and incremental file,
// against only the test files that exercise it, so one module can be re-run alone.
// Shared by stryker.config.mjs, vitest.mutation.config.ts and scripts/mutation/run.ts.

/**
 * `postgres`: files of the module whose code runs on PostgreSQL only; they are left out of
 * the module's run on PGlite and mutated in a run of their own against the PostgreSQL
 * server (scripts/mutation/run.ts), reported as a part of the module.
 * @type {{ name: string; target: number; mutate: string[]; postgres?: string[]; tests: string[] }[]}
 */
export const MUTATION_MODULES = [
  {
    name: 'scope-access',
    target: 90,
    mutate: ['lib/analytics/scope.ts', 'lib/auth/access.ts', 'lib/auth/authorize.ts'],
    tests: ['tests/analytics/scope.test.ts', 'tests/auth/access.test.ts', 'tests/auth/throttle.test.ts', 'tests/api/handler.test.ts', 'tests/api/resources.test.ts'],
  },
  {
    name: 'analytics',
    target: 90,
    mutate: ['lib/analytics/**/*.ts', '!lib/analytics/scope.ts'],
    tests: ['tests/analytics/**/*.test.ts', 'tests/admin/**/*.test.ts', 'tests/subscriptions/**/*.test.ts'],
  },
  {
    name: 'export',
    target: 80,
    mutate: ['lib/reports/export/**/*.ts'],
    postgres: ['lib/reports/export/pg-cursor.ts'],
    tests: ['tests/reports/export.test.ts', 'tests/reports/csv.test.ts', 'tests/reports/export-rows.test.ts', 'tests/reports/export-names.test.ts'],
  },
  {
    name: 'billing',
    target: 80,
    mutate: ['lib/billing/**/*.ts'],
    tests: ['tests/billing/**/*.test.ts', 'tests/api/billing.test.ts', 'tests/subscriptions/endpoints.test.ts'],
  },
  {
    name: 'ingest',
    target: 80,
    mutate: ['lib/ingest/**/*.ts'],
    // Not every suite of tests/ingest runs per mutant (each costs its set-up again):
    // - concurrency.test.ts: 8 clients × 10,000 events × 5 take ~16 s, more than any other
    //   suite; its totals are sums of what core/definitions pin down one by one;
    // - figures.test.ts: it ingests everything in beforeAll, which Stryker cannot tie to a
    //   test, so every line it reaches became a "static" mutant running all suites (607 of
    //   822); events-api and definitions check the same fields inside their tests;
    // - api-keys.test.ts: about keys; it reaches ingestion through one accepted event only.
    tests: [
      'tests/ingest/merge.test.ts',
      'tests/ingest/money.test.ts',
      'tests/ingest/parse.test.ts',
      'tests/ingest/hash.test.ts',
      'tests/ingest/core.test.ts',
      'tests/ingest/definitions.test.ts',
      'tests/ingest/grouped.test.ts',
      'tests/ingest/events-api.test.ts',
      'tests/ingest/write-edges.test.ts',
      'tests/ingest/grouped-edges.test.ts',
      'tests/connectors/map.test.ts',
    ],
  },
];

/** The module named by MUTATION_MODULE (set by scripts/mutation/run.ts). */
export function selectedModule() {
  const name = process.env.MUTATION_MODULE;
  const found = MUTATION_MODULES.find((m) => m.name === name);
  if (!found) throw new Error(`MUTATION_MODULE must be one of ${MUTATION_MODULES.map((m) => m.name).join(', ')} (got ${name ?? 'nothing'})`);
  return found;
}

/**
 * Stryker's incremental file, in each report folder: the last run's full report. It is the
 * one file of reports/mutation/ kept in git, so that a fresh clone re-tests only what
 * changed since (a whole module takes an hour or more here) and can print its scores.
 */
export const INCREMENTAL_FILE = 'stryker-incremental.json';

/**
 * Where a module's HTML and JSON reports and its incremental file go (git-ignored). A run
 * narrowed to some files (`--mutate`) gets its own folder under `parts/`, named after
 * those files, so that a module can be measured part by part (each part incremental on
 * its own) and a narrowed run does not overwrite the whole module's report.
 */
export function reportDir(name, mutate = process.env.MUTATION_MUTATE) {
  const base = `reports/mutation/${name}`;
  if (!mutate) return base;
  const slug = mutate
    .split(',')
    .map((file) => file.replace(/^lib\//, '').replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-'))
    .join('+');
  return `${base}/parts/${slug.slice(0, 120)}`;
}
