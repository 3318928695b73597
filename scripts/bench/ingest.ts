// The ingest section of `npm run bench` (`npm run bench -- --only ingest`, DATABASE_URL set).
// Builds the app if needed, creates a fresh database vd_bench_ingest on the same server
// with one workspace and one API key, serves it with `next start` on a free port, and loads
// POST /api/v1/events from a separate process (scripts/bench/ingest-load.mjs, autocannon)
// with 8 connections: single new events for 30 s, the same events replayed, batches of
// 1,000 new events, and those replayed. Prints events/s, p50, p95 (ms), errors, deadlocks
// and the database's row counts before and after each run.
import os from 'node:os';
import { createApiKey } from '@/lib/apikeys';
import { CLI_ACTOR } from '@/lib/audit';
import { createPrismaClient, openConnection, type Db } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import pg from 'pg';
import { serveApp, runLoadScript, type BenchServer } from './serve';
import type { BenchContext, BenchResult, BenchSection } from './types';

const DB_NAME = 'vd_bench_ingest';
const CONNECTIONS = 8;

type Load = {
  requests: number;
  seconds: number;
  eventsPerSecond: number;
  p50: number;
  p95: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: { accepted: number; duplicate: number; rejected: number };
};

type Counts = { calls: number; usage_records: number; ingest_events: number; voice_agents: number; usage_rollups: number };

export const ingestSection: BenchSection = {
  title: 'ingest (POST /api/v1/events, next start, PostgreSQL, 8 connections from a separate process)',
  ownDatabase: true,
  async run(context: BenchContext): Promise<BenchResult[]> {
    const config = databaseConfig();
    if (config.kind !== 'postgres') throw new ConfigError('DATABASE_URL: the bench runs on PostgreSQL');
    const url = new URL(config.url);
    url.pathname = `/${DB_NAME}`;
    await adminQuery(config.url, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await adminQuery(config.url, `CREATE DATABASE "${DB_NAME}"`);
    const connection = await openConnection({ kind: 'postgres', url: url.toString() });
    const db = createPrismaClient(connection);
    let server: BenchServer | undefined;
    try {
      await applyMigrations(connection.adapter);
      await db.subscriptionTier.create({ data: { tierName: 'bench', monthlyFee: '99', markup: '1.3000' } });
      const workspace = await db.workspace.create({ data: { name: 'Bench', slug: 'bench', status: 'active', subscriptionTier: 'bench' } });
      const { key } = await createApiKey(db, { workspaceId: workspace.id, name: 'bench', actor: CLI_ACTOR });

      server = await serveApp(url.toString(), { INGEST_RATE_LIMIT_PER_MINUTE: '100000000', API_RATE_LIMIT_PER_MINUTE: '100000000' }, context.log);
      const base = server.base;
      context.log(`serving on ${base}; load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

      const baseTime = Date.now() - 3_600_000;
      const deadlocksBefore = await deadlocks(db);
      const results: BenchResult[] = [];
      const lines: string[] = [];
      const phase = async (name: string, options: Record<string, unknown>) => {
        // Autovacuum is off on the bench machine's server: analyze as it would have, so the
        // planner knows the tables grew (stale statistics cost 3× on batches here).
        await db.$executeRawUnsafe('ANALYZE');
        const before = await counts(db);
        const load = await runLoad({ url: base, key, connections: CONNECTIONS, baseTime, ...options });
        // Requests cut off when the run ended may still be committing: let them land.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const after = await counts(db);
        const load1 = os.loadavg()[0]!;
        lines.push(
          `${name.padEnd(28)} ${load.eventsPerSecond.toFixed(0).padStart(8)} ev/s  p50 ${load.p50.toFixed(1).padStart(6)} ms  p95 ${load.p95.toFixed(1).padStart(6)} ms  ` +
            `${load.requests} req in ${load.seconds} s  non-2xx ${load.non2xx} errors ${load.errors} timeouts ${load.timeouts}  ` +
            `accepted ${load.statuses.accepted} duplicate ${load.statuses.duplicate} rejected ${load.statuses.rejected}  load1 ${load1.toFixed(2)}\n` +
            `${''.padEnd(28)} rows before ${fmt(before)}\n${''.padEnd(28)} rows after  ${fmt(after)}`,
        );
        context.log(lines.at(-1)!);
        results.push({ name, range: `${load.eventsPerSecond.toFixed(0)} ev/s`, ours: { p50: load.p50, p95: load.p95 }, note: `${load.non2xx + load.errors} errors` });
        return load;
      };

      await runLoad({ url: base, key, connections: CONNECTIONS, baseTime, mode: 'single', duration: 5, prefix: 'warm' });
      const single = await phase('single events, new', { mode: 'single', duration: 30, prefix: 's' });
      const singleReplay = await phase('single events, replayed', { mode: 'single', duration: 15, prefix: 's', replayOf: single.requests });
      const batch = await phase('batches of 1,000, new', { mode: 'batch', batchSize: 1000, duration: 20, prefix: 'b' });
      const batchReplay = await phase('batches of 1,000, replayed', { mode: 'batch', batchSize: 1000, duration: 15, prefix: 'b', replayOf: batch.requests });
      const deadlocksAfter = await deadlocks(db);
      const retried = server.log.join('').match(/\[ingest\] retrying/g)?.length ?? 0;
      context.log(
        `\nreplay/new: single ${(singleReplay.eventsPerSecond / single.eventsPerSecond).toFixed(2)}×, batches ${(batchReplay.eventsPerSecond / batch.eventsPerSecond).toFixed(2)}×; ` +
          `deadlocks (pg_stat_database) ${deadlocksAfter - deadlocksBefore}; batches retried ${retried}; load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      );
      return results;
    } finally {
      await server?.stop();
      await db.$disconnect();
      await connection.close();
    }
  },
};

function runLoad(options: Record<string, unknown>): Promise<Load> {
  return runLoadScript<Load>('scripts/bench/ingest-load.mjs', options);
}

async function counts(db: Db): Promise<Counts> {
  const [row] = await db.$queryRaw<Counts[]>`
    SELECT (SELECT count(*)::int FROM calls) AS calls, (SELECT count(*)::int FROM usage_records) AS usage_records,
           (SELECT count(*)::int FROM ingest_events) AS ingest_events, (SELECT count(*)::int FROM voice_agents) AS voice_agents,
           (SELECT count(*)::int FROM usage_rollups) AS usage_rollups`;
  return row!;
}

async function deadlocks(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`;
  return row!.n;
}

const fmt = (c: Counts) => `calls ${c.calls}, usage_records ${c.usage_records}, ingest_events ${c.ingest_events}, voice_agents ${c.voice_agents}, usage_rollups ${c.usage_rollups}`;

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
