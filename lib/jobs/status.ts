import type { Db } from '@/lib/db';
import { JOBS } from './registry';
import { nextDue } from './runner';

export type JobRunRow = {
  id: string;
  trigger: string;
  attempt: number;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  summary: unknown;
  error: string | null;
};

export type JobStatus = { name: string; description: string; schedule: string; nextDueAt: Date | null; runs: JobRunRow[] };

/** Each job with its last `limit` runs (newest first) and when the schedule next fires. */
export async function listJobStatus(db: Db, now: Date = new Date(), limit = 10): Promise<JobStatus[]> {
  return Promise.all(
    JOBS.map(async (job) => ({
      name: job.name,
      description: job.description,
      schedule: job.schedule,
      nextDueAt: nextDue(job, now),
      runs: await db.jobRun.findMany({
        where: { jobName: job.name },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: { id: true, trigger: true, attempt: true, status: true, startedAt: true, finishedAt: true, summary: true, error: true },
      }),
    })),
  );
}
