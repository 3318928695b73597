/**
 * Runs once when a Next.js server process starts (`next start`, `next dev`): the place to
 * refuse a bad environment before the first request rather than at every request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads this file too (for its page-data workers); the environment of a
  // build is not the server's, so it is checked only when serving.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { serverEnvironmentProblem } = await import('./lib/server-env');
  const problem = serverEnvironmentProblem();
  if (problem) {
    console.error(`error: ${problem}`);
    process.exit(1);
  }
  // Scheduled jobs (lib/jobs) run inside the server process; JOBS_IN_PROCESS=false turns that off.
  await (await import('./lib/jobs/instrumentation')).startJobsInProcess();
}
