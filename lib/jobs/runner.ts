import { Cron } from 'croner';
import type { Connection } from '@/lib/db';
import type { JobDefinition, JobEnvironment, JobSummary, JobTrigger } from './types';

export type RunOptions = {
  trigger: JobTrigger;
  now?: () => Date;
  month?: string;
  dryRun?: boolean;
  /** Attempts in all (default 3). */
  attempts?: number;
  /** Wait before attempt k+1: backoffMs * 4^(k-1) (default 2 s: 2 s, 8 s). */
  backoffMs?: number;
};

export type RunResult =
  | { status: 'succeeded'; runId: string; attempt: number; summary: JobSummary }
  | { status: 'failed'; runId: string; attempt: number; error: string }
  | { status: 'skipped'; runId: string };

/**
 * Runs a job once, holding its lock: only one run of a job at a time across every process
 * on the same database. Each attempt is a job_runs row (running → succeeded | failed); a
 * run that finds the lock taken is recorded as skipped. A failed attempt is retried with
 * exponential backoff; the job's own transactions make sure a failure leaves nothing half-done.
 */
export async function runJob(env: JobEnvironment, job: JobDefinition, options: RunOptions): Promise<RunResult> {
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 2000;
  const clock = options.now ?? (() => new Date());
  const lock = await acquireJobLock(env.connection, job.name);
  if (!lock) {
    const run = await env.db.jobRun.create({
      data: { jobName: job.name, trigger: options.trigger, status: 'skipped', finishedAt: clock(), summary: { reason: 'another run holds the lock' } },
      select: { id: true },
    });
    return { status: 'skipped', runId: run.id };
  }
  try {
    for (let attempt = 1; ; attempt++) {
      const run = await env.db.jobRun.create({
        data: { jobName: job.name, trigger: options.trigger, attempt, status: 'running', startedAt: clock() },
        select: { id: true },
      });
      try {
        const summary = await job.run({ db: env.db, now: clock(), trigger: options.trigger, month: options.month, dryRun: options.dryRun ?? false });
        await env.db.jobRun.update({ where: { id: run.id }, data: { status: 'succeeded', finishedAt: clock(), summary: summary as object } });
        return { status: 'succeeded', runId: run.id, attempt, summary };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await env.db.jobRun.update({ where: { id: run.id }, data: { status: 'failed', finishedAt: clock(), error: message.slice(0, 4000) } });
        if (attempt >= attempts) return { status: 'failed', runId: run.id, attempt, error: message };
        await sleep(backoffMs * 4 ** (attempt - 1));
      }
    }
  } finally {
    await lock.release();
  }
}

/** When the job is next due after `from` (UTC cron). */
export function nextDue(job: JobDefinition, from: Date = new Date()): Date | null {
  return new Cron(job.schedule, { timezone: 'UTC', paused: true }).nextRun(from);
}

type Lock = { release(): Promise<void> };

// In-process holders: PGlite is one process per data folder, so this is its cross-process
// lock too; on PostgreSQL it also stops two runs of one process sharing a session lock.
const held = new Set<string>();

/**
 * PostgreSQL: a session advisory lock on a dedicated pooled connection, held for the whole
 * run (the job commits many transactions) and released with it; if the process dies the
 * session ends and the lock goes with it. PGlite: the in-process set above.
 */
async function acquireJobLock(connection: Connection, name: string): Promise<Lock | null> {
  if (held.has(name)) return null;
  held.add(name);
  if (connection.kind !== 'postgres') return { release: async () => void held.delete(name) };
  let client;
  try {
    client = await connection.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`voicedash:job:${name}`]);
    if (!rows[0]?.locked) {
      client.release();
      held.delete(name);
      return null;
    }
  } catch (error) {
    client?.release();
    held.delete(name);
    throw error;
  }
  const session = client;
  return {
    async release() {
      try {
        await session.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`voicedash:job:${name}`]);
        session.release();
      } catch (error) {
        // A broken connection: drop it from the pool (its lock ended with the session).
        session.release(error instanceof Error ? error : true);
      } finally {
        held.delete(name);
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
