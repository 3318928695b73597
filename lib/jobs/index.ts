export { JOBS, findJob } from './registry';
export { runJob, nextDue, type RunOptions, type RunResult } from './runner';
export { listJobStatus, type JobStatus, type JobRunRow } from './status';
export type { JobDefinition, JobContext, JobTrigger, JobSummary, JobEnvironment } from './types';
