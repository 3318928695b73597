import pg from 'pg';
import { createPrismaClient, openConnection, type Connection, type Db } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { seedDatabase } from '@/prisma/seed';

/** Fixed so that a reused database and a fresh one hold the same data. */
export const BENCH_SEED = 42;
export const BENCH_NOW = new Date('2026-06-01T00:00:00Z');

/**
 * The bench database `vd_bench_<calls>` on the server of `serverUrl`: reused when a
 * previous run finished seeding it with the same parameters (recorded in the database's
 * comment, written last), else dropped, recreated, migrated and seeded.
 */
export async function openBenchDataset(serverUrl: string, calls: number, log: (m: string) => void): Promise<{ connection: Connection; db: Db }> {
  const name = `vd_bench_${calls}`;
  const marker = `voice-dashboard bench: calls=${calls} seed=${BENCH_SEED} now=${BENCH_NOW.toISOString()}`;
  const existing = await admin(serverUrl, (client) =>
    client.query<{ comment: string | null }>('SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1', [name, 'pg_database']),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (existing.rows[0]?.comment === marker) {
    log(`reusing ${name}`);
  } else {
    log(`creating ${name} (${calls.toLocaleString('en-US')} calls; this takes a while)`);
    await admin(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    const connection = await openConnection({ kind: 'postgres', url: url.toString() });
    try {
      await applyMigrations(connection.adapter);
      const started = performance.now();
      const result = await seedDatabase(connection, { calls, seed: BENCH_SEED, now: BENCH_NOW, onProgress: (m) => process.stdout.isTTY && process.stdout.write(`\r  ${m}   `) });
      log(`\n  seeded ${result.calls.toLocaleString('en-US')} calls, ${result.usageRecords.toLocaleString('en-US')} usage records in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      // Sets the visibility map: without it index-only scans still visit the heap.
      if (connection.kind === 'postgres') await connection.pool.query('VACUUM ANALYZE');
    } finally {
      await connection.close();
    }
    await admin(serverUrl, (client) => client.query(`COMMENT ON DATABASE "${name}" IS '${marker}'`));
  }
  const connection = await openConnection({ kind: 'postgres', url: url.toString() });
  return { connection, db: createPrismaClient(connection) };
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
