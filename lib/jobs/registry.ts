import { BILLING_CLOSE_JOB, closeBilling } from '@/lib/billing/close';
import { ALERTS_JOB, runAlertsJob } from '@/lib/alerts/job';
import { deliverDue } from '@/lib/delivery/outbox';
import { queueDueReports, REPORT_DELIVERY_JOB } from '@/lib/delivery/scheduled-reports';
import { PRUNE_JOB, pruneAll } from './prune';
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
  {
    name: ALERTS_JOB,
    description: 'Evaluates every alert rule (ok → firing → resolved, history, notifications) and sends what the outbox holds that is due: emails and signed webhooks, with retries.',
    schedule: '* * * * *',
    run: ({ db, now, dryRun }) => runAlertsJob(db, now, dryRun),
  },
  {
    name: REPORT_DELIVERY_JOB,
    description: 'Queues the scheduled reports that are due (monthly report on the 1st of each local month, executive summary on the 1st of each quarter) and sends them.',
    // Every 15 minutes: local midnights of every zone fall on a quarter hour.
    schedule: '*/15 * * * *',
    async run({ db, now, dryRun }) {
      if (dryRun) return { dryRun: true };
      const { queued } = await queueDueReports(db, now);
      return { queued, ...(await deliverDue(db, now)) };
    },
  },
  {
    name: PRUNE_JOB,
    description: 'Deletes dead sessions, old rate-limit windows and failed sign-ins, expired leases, and ingest event ids and connector deliveries older than 35 days.',
    // Hourly, away from the billing close; a dry run only reports that it would run.
    schedule: '37 * * * *',
    async run({ db, now, dryRun }) {
      if (dryRun) return { dryRun };
      return { ...(await pruneAll(db, now)) };
    },
  },
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
