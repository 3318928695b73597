import type { Connection, Db } from '@/lib/db';

export type JobTrigger = 'schedule' | 'cli' | 'manual';

export type JobContext = {
  db: Db;
  now: Date;
  trigger: JobTrigger;
  /** `--month YYYY-MM` from the CLI or "run now". */
  month?: string;
  dryRun: boolean;
};

/** What a run did, stored in job_runs.summary (small: counts, a few ids). */
export type JobSummary = Record<string, unknown>;

export type JobDefinition = {
  name: string;
  description: string;
  /** Cron expression, UTC (croner syntax). The job itself works out what is due from the data. */
  schedule: string;
  run(ctx: JobContext): Promise<JobSummary>;
};

export type JobEnvironment = { db: Db; connection: Connection };
