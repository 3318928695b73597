import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, openConnection, type Connection, type Db } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { openMigratedPglite } from './pglite-template';

export type TestDatabase = {
  db: Db;
  connection: Connection;
  engine: 'postgres' | 'pglite';
  /** Closes the connection and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
};

/** The PostgreSQL server tests use, when one is configured; otherwise tests run on PGlite. */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * A fresh, migrated database for one suite: a uniquely named PostgreSQL database
 * (created, migrated, dropped) when a server is configured, else an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const connection = await openMigratedPglite();
    const db = createPrismaClient(connection);
    return {
      db,
      connection,
      engine: 'pglite',
      async dispose() {
        await db.$disconnect();
        await connection.close();
      },
    };
  }

  const name = `vd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openConnection({ kind: 'postgres', url: url.toString() });
  await applyMigrations(connection.adapter);
  const db = createPrismaClient(connection);
  return {
    db,
    connection,
    engine: 'postgres',
    async dispose() {
      await db.$disconnect();
      await connection.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
