import type { Db } from '@/lib/db';
import { ConcurrencyLimitError } from './errors';
import { acquireLease, releaseLease, type LeaseKind } from './leases';

/**
 * Runs `work` holding one of the workspace's slots of `kind`, released however `work` ends;
 * throws ConcurrencyLimitError (→ 429) when every slot is taken. For bounded work such as a
 * report render; a streamed export holds its lease with holdLeaseWhile instead.
 */
export async function withLease<T>(db: Db, workspaceId: string, kind: LeaseKind, work: () => Promise<T>): Promise<T> {
  const lease = await acquireLease(db, workspaceId, kind);
  if (!lease) throw new ConcurrencyLimitError(kind);
  try {
    return await work();
  } finally {
    await releaseLease(db, lease).catch((error) => console.error('[limits] lease release failed:', error instanceof Error ? error.message : error));
  }
}
