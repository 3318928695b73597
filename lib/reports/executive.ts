import {
  getCallAnalytics,
  getWorkspaceOverview,
  type AgentLeaderboardRow,
  type SentimentShares,
  type WorkspaceScope,
} from '@/lib/analytics';
import type { Db } from '@/lib/db';
import type { ReportWorkspace } from './monthly';
import type { ReportRange } from './period';

/**
 * The executive summary (seed 7.6 `generateExecutiveSummary`): the seed's sections for
 * exactly the calendar quarter (both halves of it from the quarter's range, where the
 * seed mixed in "the last 30 days", defect 4). Rendered to markdown and to PDF.
 */
export type ExecutiveSummary = {
  workspace: ReportWorkspace;
  /** `toDate`: the quarter has not ended; `end` is when the summary was made. */
  period: { quarter: string; start: string; end: string; timeZone: string; toDate: boolean };
  keyMetrics: { totalCalls: number; successRate: number; totalMinutes: number; totalCost: string };
  callPerformance: {
    avgDuration: number;
    longestCall: number | null;
    shortestCall: number | null;
    avgResponseTime: number;
    inbound: number;
    outbound: number;
    completed: number;
    failed: number;
  };
  agents: AgentLeaderboardRow[];
  sentiment: SentimentShares;
  costByProvider: { provider: string; cost: string }[];
  /** The busiest local hours with at least one call, most calls first (ties: earlier hour), at most 5. */
  peakHours: { hour: number; count: number }[];
};

export const PEAK_HOURS = 5;

export async function buildExecutiveSummary(db: Db, workspace: ReportWorkspace, quarter: string, range: ReportRange): Promise<ExecutiveSummary> {
  const scope: WorkspaceScope = { workspaceId: workspace.id };
  const [overview, calls] = await Promise.all([getWorkspaceOverview(db, scope, range), getCallAnalytics(db, scope, range)]);
  return {
    workspace,
    period: { quarter, start: range.from.toISOString(), end: range.to.toISOString(), timeZone: range.timeZone, toDate: range.toDate },
    keyMetrics: {
      totalCalls: calls.totalCalls,
      successRate: calls.successRate,
      totalMinutes: calls.totalMinutes,
      totalCost: overview.cost.total,
    },
    callPerformance: {
      avgDuration: calls.avgDuration,
      longestCall: calls.longestCall,
      shortestCall: calls.shortestCall,
      avgResponseTime: overview.performance.avgResponseTime,
      inbound: calls.callsByDirection.inbound,
      outbound: calls.callsByDirection.outbound,
      completed: calls.completed,
      failed: calls.callsByStatus.failed,
    },
    agents: calls.callsByAgent,
    sentiment: overview.performance.sentiment,
    costByProvider: Object.entries(overview.cost.byProvider)
      .map(([provider, cost]) => ({ provider, cost }))
      .sort((a, b) => compareDecimal(b.cost, a.cost) || (a.provider < b.provider ? -1 : 1)),
    peakHours: peakHours(calls.callsByHour),
  };
}

export function peakHours(byHour: readonly { hour: number; count: number }[]): { hour: number; count: number }[] {
  return byHour
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count || a.hour - b.hour)
    .slice(0, PEAK_HOURS);
}

/** Compares non-negative 6-place decimal strings exactly. */
function compareDecimal(a: string, b: string): number {
  const micros = (s: string) => {
    const [int, frac = ''] = s.split('.');
    return BigInt(int!) * 1_000_000n + BigInt((frac + '000000').slice(0, 6));
  };
  const d = micros(a) - micros(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}
