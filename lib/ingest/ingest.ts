import type { Db } from '@/lib/db';
import type { IngestEvent, IngestResult, IngestTarget } from './commands';

export type IngestOptions = {
  /** Serialization failures / deadlocks retried this many times before giving up (default 5). */
  maxRetries?: number;
  /** Test hook: called between writes inside the transaction (throw to simulate a crash). */
  onStep?: (step: string) => void | Promise<void>;
};

/**
 * THE write path of ingestion. Writes `events` into `target.workspaceId` in ONE
 * transaction, together with the usage rollups (triggers) and calls.cost_total:
 * - dedupe on (workspace, eventId) with INSERT … ON CONFLICT in the same transaction:
 *   same id + same payloadHash → 'duplicate' (nothing changes), different hash → 'rejected'
 *   with field `id` (the caller answers 409 for a single bare event);
 * - agents created on first sight by (workspace, source, externalId);
 * - calls merged field by field (commands.ts) under per-call locks taken in key order;
 * - usage lines inserted, or replaced by lineKey; billed price = `billed` or
 *   cost × tier markup (half-even, 6 places); calls.cost_total = sum of their final_cost.
 * Returns one result per event, in input order. Either everything accepted is written or
 * (on a thrown error) nothing is. Serialization failures and deadlocks are retried.
 * Events must already be validated (shape, time window); commands that still cannot be
 * written are 'rejected' per event, never failing the others.
 */
export async function ingestEvents(db: Db, target: IngestTarget, events: readonly IngestEvent[], options: IngestOptions = {}): Promise<IngestResult[]> {
  void db;
  void target;
  void events;
  void options;
  throw new Error('not implemented yet');
}
