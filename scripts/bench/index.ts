// npm run bench -- [--calls N] [--workspaces W] [--runs R] [--only analytics|exports|writes|ingest|billing|http|pglite] [--match REGEX]: PostgreSQL (DATABASE_URL)
// only, but for pglite (its own embedded database, no server needed).
// Seeds (or reuses) vd_bench_<N>, then runs each section and prints p50/p95 per line.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, databaseConfig } from '@/lib/env';
import { runCli } from '../cli';
import { analyticsSection } from './analytics';
import { billingSection } from './billing';
import { BENCH_NOW, openBenchDataset } from './dataset';
import { DEFAULT_WORKSPACE_COUNT } from '@/prisma/seed/catalog';
import { exportSection } from './export';
import { writesSection } from './writes';
import { ingestSection } from './ingest';
import { httpSection } from './http';
import { pgliteSection } from './pglite';
import { formatResults } from './report';
import type { BenchSection } from './types';

/** Each section lives in its own file; add new ones (exports, RSS, …) here. */
const SECTIONS: Record<string, BenchSection> = {
  analytics: analyticsSection,
  exports: exportSection,
  writes: writesSection,
  ingest: ingestSection,
  billing: billingSection,
  http: httpSection,
  pglite: pgliteSection,
};

const argsSchema = z.object({
  calls: z.coerce.number().int().min(1000).max(50_000_000).default(1_000_000),
  workspaces: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_WORKSPACE_COUNT),
  runs: z.coerce.number().int().min(1).max(1000).default(20),
  only: z.enum(Object.keys(SECTIONS) as [string, ...string[]]).optional(),
  match: z
    .string()
    .optional()
    .refine((value) => value === undefined || isRegExp(value), 'not a valid regular expression')
    .transform((value) => (value === undefined ? undefined : new RegExp(value))),
});

function isRegExp(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

runCli(async () => {
  const { values } = parseArgs({ options: { calls: { type: 'string' }, workspaces: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' }, match: { type: 'string' } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const { calls, workspaces, runs, only, match } = parsed.data;
  const log = (message: string) => console.log(message);
  const selected = Object.entries(SECTIONS).filter(([name]) => !only || only === name);
  if (selected.every(([, section]) => section.ownDatabase)) {
    // e.g. --only ingest: no need to seed or open the analytics dataset.
    for (const [, section] of selected) {
      log(`\n# ${section.title}`);
      console.log(formatResults(section.title, await section.run({ db: undefined as never, connection: undefined as never, calls, now: BENCH_NOW, runs, match, log })));
    }
    return;
  }
  const config = databaseConfig();
  if (config.kind !== 'postgres') throw new ConfigError('DATABASE_URL: the bench runs on PostgreSQL; set DATABASE_URL to a server');
  const { connection, db } = await openBenchDataset(config.url, calls, log, workspaces);
  try {
    const context = { db, connection, calls, now: BENCH_NOW, runs, match, log };
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (only && only !== name) continue;
      log(`\n# ${section.title}`);
      console.log(formatResults(section.title, await section.run(context)));
    }
  } finally {
    await db.$disconnect();
    await connection.close();
  }
});
