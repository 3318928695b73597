import type { Db } from '@/lib/db';
import { deliverDue } from '@/lib/delivery/outbox';
import { pruneDeliveries } from '@/lib/delivery/prune';
import { evaluateAlertRules } from './evaluate';

export const ALERTS_JOB = 'alerts';

/**
 * Job `alerts`, every minute: evaluate the rules, then send whatever the outbox holds
 * that is due (alerts, scheduled reports, retries). Each step works out what is due from
 * the data, so a second run in the same minute does nothing new.
 */
export async function runAlertsJob(db: Db, now: Date, dryRun = false) {
  if (dryRun) return { dryRun: true };
  const evaluation = await evaluateAlertRules(db, now);
  const delivery = await deliverDue(db, now);
  const pruned = await pruneDeliveries(db, now);
  return { ...evaluation, ...delivery, prunedOutbox: pruned.outbox, prunedJobRuns: pruned.jobRuns };
}
