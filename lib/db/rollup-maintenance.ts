import type { Connection } from './connection';
import { inSeedTransaction } from '@/prisma/seed/bulk-load';
import { differenceSql, insertAggregateSql, ROLLUPS } from './rollups';

export type RollupDifference = { table: string; side: 'missing' | 'extra'; key: string; row: string };
export type VerifyResult = { tables: { table: string; differences: number }[]; samples: RollupDifference[] };

/**
 * Compares every rollup with the aggregation of its raw table, in one read-only
 * REPEATABLE READ transaction: one consistent snapshot while writers go on, and no lock
 * that blocks anyone. `samples` holds up to `limit` differing rows per table.
 */
export async function verifyRollups(connection: Connection, limit = 20): Promise<VerifyResult> {
  return inSeedTransaction(connection, async (session) => {
    await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result: VerifyResult = { tables: [], samples: [] };
    for (const rollup of ROLLUPS) {
      const rows = await session.query(differenceSql(rollup, limit));
      result.tables.push({ table: rollup.table, differences: rows.length ? Number(rows[0]!.total) : 0 });
      for (const row of rows) result.samples.push({ table: rollup.table, side: row.side as 'missing' | 'extra', key: String(row.key), row: String(row.row) });
    }
    return result;
  });
}

/**
 * Recomputes every rollup from its raw table. Workspace rollups are rebuilt one workspace
 * per transaction, platform rollups in one: each transaction takes SHARE locks on calls
 * and usage_records (writers wait for it, a second or so per large workspace; readers
 * never do) and replaces the rows, so readers see the old rows until the commit and the
 * new ones after, never a half-built rollup. Returns the number of workspaces rebuilt.
 */
export async function rebuildRollups(connection: Connection, onProgress: (message: string) => void = () => {}): Promise<number> {
  const workspaces = await inSeedTransaction(connection, (session) => session.query('SELECT id::text AS id FROM workspaces ORDER BY id'));
  const perWorkspace = ROLLUPS.filter((r) => r.perWorkspace);
  let done = 0;
  for (const { id } of workspaces) {
    await inSeedTransaction(connection, async (session) => {
      await session.query('LOCK TABLE calls, usage_records IN SHARE MODE');
      for (const rollup of perWorkspace) {
        const alias = rollup.source === 'calls' ? 'c' : 'u';
        await session.query(`DELETE FROM ${rollup.table} WHERE workspace_id = $1::uuid`, [id]);
        await session.query(insertAggregateSql(rollup, `${alias}.workspace_id = $1::uuid`), [id]);
      }
    });
    done += 1;
    if (done % 50 === 0) onProgress(`workspaces: ${done} of ${workspaces.length}`);
  }
  await inSeedTransaction(connection, async (session) => {
    await session.query('LOCK TABLE calls, usage_records IN SHARE MODE');
    // Rows of workspaces that no longer exist.
    for (const rollup of perWorkspace) await session.query(`DELETE FROM ${rollup.table} r WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = r.workspace_id)`);
    for (const rollup of ROLLUPS.filter((r) => !r.perWorkspace)) {
      await session.query(`DELETE FROM ${rollup.table}`);
      await session.query(insertAggregateSql(rollup));
    }
  });
  return done;
}
