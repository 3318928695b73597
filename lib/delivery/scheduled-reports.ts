import { getWorkspaceOverview } from '@/lib/analytics';
import type { Db } from '@/lib/db';
import { currentMonth, monthTitle, previousMonth, previousQuarter, quarterOf, quarterTitle, reportMonthRange, reportQuarterRange, ROUNDING_NOTE } from '@/lib/reports';
import { formatCount, formatMinutes, formatMoney, formatPercent } from '@/lib/reports/format';
import { enqueue, type OutboxRow } from './outbox';

/**
 * Scheduled reports (Settings → Reports delivery, METRICS.md "Scheduled reports"). On the
 * 1st of each local month the monthly report of the month that just ended is queued, with
 * its PDF; on the 1st of each quarter the executive summary of the quarter that ended (PDF
 * and Markdown). "Due" is worked out from the data: a period that ended less than
 * DUE_WINDOW ago and has no outbox row for its key, so a server that was down on the 1st
 * still sends it when it comes back, and never twice.
 */
export const REPORT_DELIVERY_JOB = 'report-delivery';

export const DUE_WINDOW_MS = 7 * 86_400_000;

export async function queueDueReports(db: Db, now: Date): Promise<{ queued: number }> {
  const subscriptions = await db.reportSubscription.findMany({
    where: { enabled: true, workspace: { status: { not: 'cancelled' } } },
    include: { workspace: { select: { id: true, name: true, slug: true, timezone: true } } },
    orderBy: { workspaceId: 'asc' },
  });
  let queued = 0;
  for (const sub of subscriptions) {
    if (sub.recipients.length === 0) continue;
    const { workspace } = sub;
    const month = previousMonth(currentMonth(workspace.timezone, now));
    const monthRange = reportMonthRange(month, workspace.timezone, now);
    const rows: OutboxRow[] = [];
    const dueSince = (end: Date) => now.getTime() >= end.getTime() && now.getTime() - end.getTime() < DUE_WINDOW_MS && sub.createdAt.getTime() < end.getTime() + DUE_WINDOW_MS;
    if (sub.monthly && dueSince(monthRange.to)) {
      const key = `report:${workspace.id}:monthly:${month}`;
      if (!(await exists(db, key))) {
        const o = await getWorkspaceOverview(db, { workspaceId: workspace.id }, monthRange);
        rows.push({
          workspaceId: workspace.id,
          channel: 'email',
          kind: 'report.monthly',
          idempotencyKey: key,
          payload: {
            to: sub.recipients,
            subject: `${workspace.name}: monthly report, ${monthTitle(month)}`,
            text: headline(`Monthly report for ${workspace.name}, ${monthTitle(month)} (${workspace.timezone})`, o, 'The full report is attached as a PDF.'),
            reports: [{ report: 'monthly', month }],
          },
        });
      }
    }
    const quarterStarted = quarterOf(currentMonth(workspace.timezone, now)) !== quarterOf(month);
    if (sub.quarterly && quarterStarted) {
      const quarter = previousQuarter(quarterOf(currentMonth(workspace.timezone, now)));
      const range = reportQuarterRange(quarter, workspace.timezone, now);
      const key = `report:${workspace.id}:quarterly:${quarter}`;
      if (dueSince(range.to) && !(await exists(db, key))) {
        const o = await getWorkspaceOverview(db, { workspaceId: workspace.id }, range);
        rows.push({
          workspaceId: workspace.id,
          channel: 'email',
          kind: 'report.quarterly',
          idempotencyKey: key,
          payload: {
            to: sub.recipients,
            subject: `${workspace.name}: executive summary, ${quarterTitle(quarter)}`,
            text: headline(`Executive summary for ${workspace.name}, ${quarterTitle(quarter)} (${workspace.timezone})`, o, 'The summary is attached as a PDF and as Markdown.'),
            reports: [{ report: 'quarterly', quarter }],
          },
        });
      }
    }
    queued += await enqueue(db, rows, now);
  }
  return { queued };
}

async function exists(db: Db, key: string): Promise<boolean> {
  return (await db.outboxMessage.count({ where: { idempotencyKey: key } })) > 0;
}

/** The email body: the headline figures, so it reads without the attachment. */
function headline(title: string, o: Awaited<ReturnType<typeof getWorkspaceOverview>>, attached: string): string {
  return [
    title,
    '',
    `Calls: ${formatCount(o.calls.total)} (${formatCount(o.calls.completed)} completed, ${formatCount(o.calls.failed)} failed)`,
    `Success rate: ${formatPercent(o.performance.successRate)}`,
    `Minutes: ${formatMinutes(o.calls.totalMinutes)}`,
    `Average response time: ${formatCount(o.performance.avgResponseTime)} ms`,
    `Negative sentiment: ${formatPercent(o.performance.sentiment.negative)}`,
    `Billed cost: ${formatMoney(o.cost.total)}`,
    '',
    attached,
    ROUNDING_NOTE,
  ].join('\n');
}
