import { BILLING_CLOSE_JOB, closeBilling } from '@/lib/billing/close';
import type { JobDefinition } from './types';

/** Every scheduled job. Names are stable: they key job_runs and the advisory lock. */
export const JOBS: JobDefinition[] = [
  {
    name: BILLING_CLOSE_JOB,
    description: 'Finalizes every ended local month per workspace (invoice numbers), keeps the current month\'s draft current, bills late usage as adjustments.',
    // Hourly, a few minutes past the hour so the local midnights of :30/:45 zones are past.
    schedule: '7 * * * *',
    async run({ db, now, month, dryRun }) {
      const summary = await closeBilling(db, { now, month, dryRun });
      const { invoices, ...counts } = summary;
      return { ...counts, dryRun, ...(invoices.length ? { firstInvoice: invoices[0], lastInvoice: invoices[invoices.length - 1] } : {}) };
    },
  },
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
