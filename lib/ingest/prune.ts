import { Prisma, type Db } from '@/lib/db';

/** Event ids are kept at least this long (Stripe meter events accept timestamps up to 35 days old). */
export const INGEST_EVENT_RETENTION_DAYS = 35;

/**
 * Deletes dedupe entries received more than 35 days before `now`; returns how many went.
 * Run hourly by the `prune` job (lib/jobs/prune.ts); safe to run at any time and from
 * several processes at once.
 */
export async function pruneIngestEvents(db: Db, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - INGEST_EVENT_RETENTION_DAYS * 86_400_000);
  return db.$executeRaw(Prisma.sql`DELETE FROM "ingest_events" WHERE "received_at" < ${cutoff}`);
}
