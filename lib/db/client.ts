import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseConfig } from '@/lib/env';
import { openConnection, type Connection } from './connection';

export type Db = PrismaClient;

export function createPrismaClient(connection: Connection): Db {
  return new PrismaClient({ adapter: connection.adapter });
}

type Holder = { connection: Promise<Connection>; db: Promise<Db> };
const globalForDb = globalThis as unknown as { __voiceDashDb?: Holder };

/**
 * The process's one Prisma client (one PGlite instance per process: a second would
 * corrupt the folder). Kept on globalThis so that dev-mode reloads reuse it.
 */
export function getDb(): Promise<Db> {
  if (!globalForDb.__voiceDashDb) {
    const connection = openConnection(databaseConfig());
    const holder: Holder = { connection, db: connection.then(createPrismaClient) };
    // A failed open must not be cached: the next request tries again.
    holder.db.catch(() => {
      if (globalForDb.__voiceDashDb === holder) globalForDb.__voiceDashDb = undefined;
    });
    globalForDb.__voiceDashDb = holder;
  }
  return globalForDb.__voiceDashDb.db;
}

/** The raw connection behind getDb(), for streaming exports. */
export function getConnection(): Promise<Connection> {
  if (!globalForDb.__voiceDashDb) void getDb();
  return globalForDb.__voiceDashDb!.connection;
}

/**
 * Makes getDb()/getConnection() use an already-open connection: for tests that call
 * route handlers against their own fresh database, and for scripts that opened one.
 */
export function installConnection(connection: Connection, db: Db = createPrismaClient(connection)): Db {
  globalForDb.__voiceDashDb = { connection: Promise.resolve(connection), db: Promise.resolve(db) };
  return db;
}

/** Whether a connection was opened or installed in this process (tests ask before touching getDb()). */
export function hasDb(): boolean {
  return globalForDb.__voiceDashDb !== undefined;
}
