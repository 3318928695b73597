import { Cron } from 'croner';
import { getConnection, getDb } from '@/lib/db';
import { JOBS } from './registry';
import { runJob } from './runner';

const globalForJobs = globalThis as unknown as { __voiceDashJobs?: Cron[] };

/** JOBS_IN_PROCESS=false turns the in-process scheduler off (run `npm run jobs` from cron instead). */
export function jobsInProcessEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !['false', '0', 'no', 'off'].includes((env.JOBS_IN_PROCESS ?? '').trim().toLowerCase());
}

/**
 * Starts every job on its schedule inside this server process, and runs each once soon
 * after start: jobs work out what is due from the data, so that first run catches up what
 * was missed while the server was down. Idempotent (dev-mode reloads keep one set).
 */
export function startJobScheduler(): void {
  if (!jobsInProcessEnabled() || globalForJobs.__voiceDashJobs) return;
  const tick = async (name: string) => {
    const job = JOBS.find((j) => j.name === name)!;
    try {
      const [db, connection] = await Promise.all([getDb(), getConnection()]);
      const result = await runJob({ db, connection }, job, { trigger: 'schedule' });
      if (result.status === 'failed') console.error(`[jobs] ${name} failed: ${result.error}`);
    } catch (error) {
      console.error(`[jobs] ${name} could not run:`, error instanceof Error ? error.message : error);
    }
  };
  globalForJobs.__voiceDashJobs = JOBS.map((job) => new Cron(job.schedule, { timezone: 'UTC', protect: true }, () => tick(job.name)));
  // Catch-up, off the start-up path.
  setTimeout(() => {
    for (const job of JOBS) void tick(job.name);
  }, 5_000).unref();
}
