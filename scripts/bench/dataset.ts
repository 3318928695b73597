import pg from 'pg';
import { createPrismaClient, openConnection, type Connection, type Db } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { seedDatabase } from '@/prisma/seed';
import { DEFAULT_WORKSPACE_COUNT } from '@/prisma/seed/catalog';

/** Fixed so that a reused database and a fresh one hold the same data. */
export const BENCH_SEED = 42;
export const BENCH_NOW = new Date('2026-06-01T00:00:00Z');

/**
 * A bench database on the server of `serverUrl`, reused when a previous run finished
 * filling it with the same parameters (`marker`, recorded in the database's comment,
 * written last), else dropped, recreated, migrated and filled by `fill`.
 */
export async function openMarkedDatabase(
  serverUrl: string,
  name: string,
  marker: string,
  log: (m: string) => void,
  fill: (connection: Extract<Connection, { kind: 'postgres' }>) => Promise<void>,
): Promise<Extract<Connection, { kind: 'postgres' }>> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const existing = await admin(serverUrl, (client) =>
    client.query<{ comment: string | null }>('SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1', [name, 'pg_database']),
  );
  if (existing.rows[0]?.comment === marker) {
    log(`reusing ${name}`);
  } else {
    log(`creating ${name}`);
    await admin(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    const connection = await openPostgres(url);
    try {
      await applyMigrations(connection.adapter);
      await fill(connection);
      // Sets the visibility map: without it index-only scans still visit the heap.
      const vacuumStarted = performance.now();
      await connection.pool.query('VACUUM ANALYZE');
      log(`  VACUUM ANALYZE in ${((performance.now() - vacuumStarted) / 1000).toFixed(0)} s`);
    } finally {
      await connection.close();
    }
    await admin(serverUrl, (client) => client.query(`COMMENT ON DATABASE "${name}" IS '${marker}'`));
  }
  return openPostgres(url);
}

/**
 * The analytics bench database `vd_bench_<calls>` (`vd_bench_<calls>_w<workspaces>` for a
 * workspace count other than the demo's 20): the demo data generator's output, exactly
 * `calls` calls. The marker names the generator version, so data of an older generator
 * is regenerated rather than reused.
 */
export async function openBenchDataset(serverUrl: string, calls: number, log: (m: string) => void, workspaces = DEFAULT_WORKSPACE_COUNT): Promise<{ connection: Connection; db: Db }> {
  const marker = `voice-dashboard bench v2: calls=${calls} workspaces=${workspaces} seed=${BENCH_SEED} now=${BENCH_NOW.toISOString()}`;
  const name = workspaces === DEFAULT_WORKSPACE_COUNT ? `vd_bench_${calls}` : `vd_bench_${calls}_w${workspaces}`;
  const connection = await openMarkedDatabase(serverUrl, name, marker, log, async (fresh) => {
    log(`  seeding ${calls.toLocaleString('en-US')} calls over ${workspaces.toLocaleString('en-US')} workspaces; this takes a while`);
    const started = performance.now();
    const result = await seedDatabase(fresh, { calls, workspaces, seed: BENCH_SEED, now: BENCH_NOW, onProgress: phaseLogger(started, log) });
    log(`\n  seeded ${result.calls.toLocaleString('en-US')} calls, ${result.usageRecords.toLocaleString('en-US')} usage records in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });
  return { connection, db: createPrismaClient(connection) };
}

/**
 * Seed progress for the bench log: one line per phase with the seconds since the start, so
 * a slow seed says which phase took the time; the running call count only on a terminal.
 */
function phaseLogger(started: number, log: (m: string) => void): (message: string) => void {
  let phase = '';
  return (message) => {
    const current = message.replace(/[\d,]+/g, '').trim();
    if (current !== phase) {
      phase = current;
      log(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${message}`);
    } else if (process.stdout.isTTY) process.stdout.write(`\r  ${message}   `);
  };
}

async function openPostgres(url: URL): Promise<Extract<Connection, { kind: 'postgres' }>> {
  const connection = await openConnection({ kind: 'postgres', url: url.toString() });
  if (connection.kind !== 'postgres') throw new Error('unreachable');
  return connection;
}

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
