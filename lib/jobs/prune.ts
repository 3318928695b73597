import { pruneSessions } from '@/lib/auth/sessions';
import { pruneSignInAttempts } from '@/lib/auth/throttle';
import { pruneDeliveries } from '@/lib/connectors/store';
import type { Db } from '@/lib/db';
import { pruneIngestEvents } from '@/lib/ingest/prune';
import { pruneLeases } from '@/lib/limits';
import { pruneRateLimits } from '@/lib/ratelimit';

export const PRUNE_JOB = 'prune';

/** Rows deleted per table by one prune run (job_runs.summary). */
export type PruneSummary = {
  sessions: number;
  rateLimitCounters: number;
  signInAttempts: number;
  resourceLeases: number;
  ingestEvents: number;
  connectorDeliveries: number;
};

/**
 * Deletes what no longer serves a purpose: dead sessions (revoked, expired, idle), rate-limit
 * windows that ended over an hour ago, failed sign-ins past the throttle window, expired
 * leases, ingest dedupe ids and connector deliveries (with their kept bodies) older than 35
 * days. Each is one DELETE by a cutoff, so a run is safe to repeat or to run from two
 * processes; the job runner's advisory lock keeps it to one at a time anyway.
 */
export async function pruneAll(db: Db, now: Date = new Date()): Promise<PruneSummary> {
  return {
    sessions: await pruneSessions(db, now),
    rateLimitCounters: await pruneRateLimits(db, now),
    signInAttempts: await pruneSignInAttempts(db, now),
    resourceLeases: await pruneLeases(db, now),
    ingestEvents: await pruneIngestEvents(db, now),
    connectorDeliveries: await pruneDeliveries(db, now),
  };
}
