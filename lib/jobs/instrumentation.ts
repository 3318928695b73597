/**
 * The server's part of the job runner, called from instrumentation.ts register() in the
 * Node.js runtime only. Not during `next build`; JOBS_IN_PROCESS=false skips it.
 */
export async function startJobsInProcess(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startJobScheduler } = await import('./scheduler');
  startJobScheduler();
}
