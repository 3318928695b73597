'use server';

import { revalidatePath } from 'next/cache';
import { getCaller } from '@/lib/auth/server';
import { getConnection, getDb } from '@/lib/db';
import { findJob, runJob } from '@/lib/jobs';

export type RunState = { ok?: string; error?: string };

/** "Run now" on /admin/jobs: platform admins; the same lock and job_runs record as the schedule. */
export async function runJobNow(_prev: RunState, form: FormData): Promise<RunState> {
  const caller = await getCaller();
  if (!caller?.isPlatformAdmin) return { error: 'Only platform admins can run jobs.' };
  const job = findJob(String(form.get('job') ?? ''));
  if (!job) return { error: 'Unknown job.' };
  const [db, connection] = await Promise.all([getDb(), getConnection()]);
  const result = await runJob({ db, connection }, job, { trigger: 'manual', attempts: 1 });
  revalidatePath('/admin/jobs');
  if (result.status === 'skipped') return { error: 'Another run is in progress; nothing done.' };
  if (result.status === 'failed') return { error: `Failed: ${result.error}` };
  return { ok: `Done: ${JSON.stringify(result.summary)}` };
}
