import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { ConfigError, preparedStatements, redactUrl, type DatabaseConfig } from '@/lib/env';
import { statementName } from './statement-names';

/**
 * A live connection to one database, raw driver and Prisma adapter factory side by side.
 * The raw driver serves the few things Prisma cannot do (COPY, streaming cursors).
 */
export type Connection =
  | { kind: 'postgres'; pool: pg.Pool; adapter: PrismaPg; close(): Promise<void> }
  | { kind: 'pglite'; pglite: PGlite; adapter: PrismaPGlite; close(): Promise<void> };

export async function openConnection(config: DatabaseConfig): Promise<Connection> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle connection that drops (server restart, network cut) emits 'error' on the
    // pool; unhandled, that would end the process. The pool discards it and opens a new
    // one on the next query, so the app recovers by itself when the server is back.
    pool.on('error', (error) => console.error(`[db] idle connection lost: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    // Fail here with one clear line rather than on the first query deep in a page.
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new ConfigError(`DATABASE_URL: cannot connect to ${redactUrl(config.url)} (${describe(error)})`);
    }
    return { kind: 'postgres', pool, adapter: new PrismaPg(pool, preparedStatements() ? { statementNameGenerator: statementName } : undefined), close: () => pool.end() };
  }
  return openPglite(config.dir);
}

/**
 * PGlite persisted in `dir`, or in memory when dir is 'memory://'. `loadDataDir` starts it
 * from a dumped data directory (the tests' migrated template) instead of an empty one.
 */
export async function openPglite(dir: string, loadDataDir?: Blob): Promise<Connection> {
  let dataDir: string | undefined;
  if (dir !== 'memory://') {
    // PGlite does not create missing parent folders.
    dataDir = path.resolve(dir);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, loadDataDir });
  } catch (error) {
    throw new ConfigError(`PGLITE_DIR: cannot open the embedded database in ${dataDir} (${describe(error)})`);
  }
  return { kind: 'pglite', pglite, adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describe(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
