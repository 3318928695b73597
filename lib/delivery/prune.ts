import type { Db } from '@/lib/db';

/** Sent and failed outbox messages are kept this long (the "last deliveries" lists read them), then deleted. */
export const OUTBOX_RETENTION_DAYS = 35;
/** The per-minute job leaves 1,440 job_runs a day: its own runs are kept this long. */
export const ALERTS_JOB_RUN_RETENTION_DAYS = 7;

/** Deletes what the alerts job no longer needs; safe to run at any time and from several processes. */
export async function pruneDeliveries(db: Db, now: Date): Promise<{ outbox: number; jobRuns: number }> {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const outbox = await db.outboxMessage.deleteMany({ where: { status: { in: ['sent', 'failed'] }, createdAt: { lt: before(OUTBOX_RETENTION_DAYS) } } });
  const jobRuns = await db.jobRun.deleteMany({ where: { jobName: 'alerts', startedAt: { lt: before(ALERTS_JOB_RUN_RETENTION_DAYS) } } });
  return { outbox: outbox.count, jobRuns: jobRuns.count };
}
