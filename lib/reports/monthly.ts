import {
  getCallAnalytics,
  getUsageSummary,
  getWorkspaceOverview,
  type AgentLeaderboardRow,
  type BillingPeriodInfo,
  type CallAnalytics,
  type SentimentShares,
  type UsageSummary,
  type WorkspaceScope,
} from '@/lib/analytics';
import type { Db } from '@/lib/db';
import type { ReportRange } from './period';

export type ReportWorkspace = { id: string; name: string; slug: string; industry: string | null; timezone: string };

/**
 * The monthly report (seed 7.6 `generateMonthlyReport`, METRICS.md "Reports"): every
 * figure for exactly the calendar month in the workspace's zone (not "the last 30 days",
 * seed defect 4), the billing period overlapping the month with its usage summary, and
 * the series behind the charts. Money is exact decimal strings, figures unrounded.
 */
export type MonthlyReport = {
  workspace: ReportWorkspace;
  /** `toDate`: the month has not ended; `end` is when the report was made (METRICS.md "Reports"). */
  period: { month: string; start: string; end: string; timeZone: string; toDate: boolean };
  summary: {
    totalCalls: number;
    completed: number;
    failed: number;
    successRate: number;
    totalMinutes: number;
    avgDuration: number;
    avgResponseTime: number;
    sentiment: SentimentShares;
    /** Sum of final_cost of the month's usage records. */
    totalCost: string;
    costByProvider: Record<string, string>;
  };
  details: {
    calls: Omit<CallAnalytics, 'range' | 'filters'>;
    costs: {
      /** The billing period that overlaps the month most (null when there is none). */
      billingPeriod: BillingPeriodInfo | null;
      /** Usage by provider and type over the billing period, or over the month when there is none. */
      usage: UsageSummary;
    };
  };
  charts: {
    callsByHour: { hour: number; count: number }[];
    callsByAgent: AgentLeaderboardRow[];
    costTrend: { date: string; cost: string }[];
  };
};

export async function buildMonthlyReport(db: Db, workspace: ReportWorkspace, month: string, range: ReportRange): Promise<MonthlyReport> {
  const scope: WorkspaceScope = { workspaceId: workspace.id };
  const [overview, calls, billingPeriodId] = await Promise.all([
    getWorkspaceOverview(db, scope, range),
    getCallAnalytics(db, scope, range),
    findOverlappingBillingPeriod(db, scope, range),
  ]);
  const usage = await getUsageSummary(db, scope, billingPeriodId ? { billingPeriodId } : range);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { range: _range, filters: _filters, ...callDetails } = calls;
  return {
    workspace,
    period: { month, start: range.from.toISOString(), end: range.to.toISOString(), timeZone: range.timeZone, toDate: range.toDate },
    summary: {
      totalCalls: overview.calls.total,
      completed: overview.calls.completed,
      failed: overview.calls.failed,
      successRate: overview.performance.successRate,
      totalMinutes: overview.calls.totalMinutes,
      avgDuration: overview.calls.avgDuration,
      avgResponseTime: overview.performance.avgResponseTime,
      sentiment: overview.performance.sentiment,
      totalCost: overview.cost.total,
      costByProvider: overview.cost.byProvider,
    },
    details: { calls: callDetails, costs: { billingPeriod: usage.billingPeriod, usage } },
    charts: { callsByHour: calls.callsByHour, callsByAgent: calls.callsByAgent, costTrend: overview.cost.trend },
  };
}

/**
 * The workspace's billing period that overlaps the range the longest (ties: the earlier),
 * void periods excluded. The seed required a period inside the month, which misses
 * periods that start at UTC midnight for a workspace west of UTC.
 */
async function findOverlappingBillingPeriod(db: Db, scope: WorkspaceScope, range: ReportRange): Promise<string | null> {
  const periods = await db.billingPeriod.findMany({
    where: { workspaceId: scope.workspaceId, status: { not: 'void' }, periodStart: { lt: range.to }, periodEnd: { gt: range.from } },
    select: { id: true, periodStart: true, periodEnd: true },
    orderBy: [{ periodStart: 'asc' }, { id: 'asc' }],
  });
  let best: { id: string; overlap: number } | null = null;
  for (const period of periods) {
    const overlap = Math.min(period.periodEnd.getTime(), range.to.getTime()) - Math.max(period.periodStart.getTime(), range.from.getTime());
    if (!best || overlap > best.overlap) best = { id: period.id, overlap };
  }
  return best?.id ?? null;
}
