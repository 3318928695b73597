import Cursor from 'pg-cursor';
import { Prisma, type Connection } from '@/lib/db';
import { selectCalls, type ExportCallRecord } from './source';

/**
 * The export's read on PostgreSQL: one query through a server-side cursor, `batchSize`
 * rows at a time, on one pooled connection held until the last batch or until the
 * consumer stops (the generator's `return()` closes the cursor and releases it). On its
 * own file because it runs on PostgreSQL only: mutation testing measures it on a server
 * (scripts/mutation/modules.mjs, `postgres`), the rest of the export on PGlite.
 */
export async function* readWithCursor(pool: Extract<Connection, { kind: 'postgres' }>['pool'], where: Prisma.Sql, batchSize: number): AsyncGenerator<ExportCallRecord[], void, undefined> {
  const query = selectCalls(where, Prisma.empty, Prisma.empty);
  const client = await pool.connect();
  const cursor = client.query(new Cursor<ExportCallRecord>(query.text, query.values as unknown[]));
  let failed = false;
  try {
    for (;;) {
      const rows = await cursor.read(batchSize);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) return;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await cursor.close().catch(() => {
      failed = true;
    });
    // A connection whose cursor failed to close is discarded rather than reused.
    client.release(failed);
  }
}

