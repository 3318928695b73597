import { Prisma, type Db } from '@/lib/db';
import { callFigures, type CallAggregateRow, type FigureCounts } from './call-aggregates';
import { callTotalsSource, ROLLUP_AGGREGATES } from './call-source';
import { assertRange, previousRange, type TimeRange } from './range';
import type { AnalyticsScope } from './scope';
import { dailySeries, type SentimentShares } from './series';
import { isoDate, localDate, money } from './sql';
import { localDaysOnWholeHours, usageSource } from './usage-source';

export type OverviewFigures = {
  calls: { total: number; completed: number; failed: number; avgDuration: number; totalMinutes: number };
  /** From usage records created in the range; money as decimal strings. */
  cost: { total: string; byProvider: Record<string, string>; trend: { date: string; cost: string }[] };
  performance: { successRate: number; avgResponseTime: number; sentiment: SentimentShares };
  /** Calls behind the success rate and the means; 0: that figure has no data. */
  counts: FigureCounts;
};

export type WorkspaceOverview = OverviewFigures & {
  range: TimeRange;
  /** The same figures for the range of equal length just before (for "change vs previous"). */
  previous: OverviewFigures & { range: TimeRange };
};

/**
 * Dashboard headline figures. Current and previous range are read in one scan per table:
 * rows are tagged with the range they fall in and aggregated per tag.
 */
export async function getWorkspaceOverview(db: Db, scope: AnalyticsScope, range: TimeRange): Promise<WorkspaceOverview> {
  assertRange(range);
  const previous = previousRange(range);
  const [callRows, costRows] = await Promise.all([
    // Calls from the daily call rollup plus the raw calls of the partial days at the range
    // ends (call-source.ts); the aggregates are CALL_AGGREGATES' over those sums.
    db.$queryRaw<(CallAggregateRow & { current: boolean })[]>`
      SELECT s.current, ${ROLLUP_AGGREGATES}
      FROM (
        SELECT TRUE AS current, s.* FROM ${callTotalsSource(scope, range.from, range.to)} s
        UNION ALL
        SELECT FALSE AS current, s.* FROM ${callTotalsSource(scope, previous.from, previous.to)} s
      ) s
      GROUP BY 1`,
    // Usage comes from the hourly rollup where the zone's days are whole UTC hours, else the
    // 15-minute rollup, plus the raw rows of the partial buckets at
    // the range ends (usage-source.ts). Summed per (range, provider, local day) first: a
    // few thousand rows, which the grouping sets then roll up. Grouping sets straight over
    // the rows make the planner sort them all, and a first level per (range, bucket) with
    // local days taken afterwards measured 2-3x slower than this on a year of the largest
    // workspace (two hash tables over every row, then a sort of the buckets).
    db.$queryRaw<CostRow[]>`
      SELECT u.current, u.provider, ${isoDate(Prisma.sql`u.day`)} AS day, grouping(u.provider, u.day)::int AS g,
             ${money(Prisma.sql`sum(u.cost)`)} AS cost
      FROM (
        SELECT x.current, x.provider, ${localDate(Prisma.sql`x.t`, range.timeZone)} AS day, sum(x.final_cost) AS cost
        FROM (
          SELECT TRUE AS current, r.provider, r.t, r.final_cost FROM ${usageSource(scope, range.from, range.to, undefined, { wholeHours: localDaysOnWholeHours(range) })} r
          UNION ALL
          SELECT FALSE AS current, r.provider, r.t, r.final_cost FROM ${usageSource(scope, previous.from, previous.to, undefined, { wholeHours: localDaysOnWholeHours(previous) })} r
        ) x
        GROUP BY 1, 2, 3
      ) u
      GROUP BY GROUPING SETS ((u.current, u.provider), (u.current, u.day), (u.current))`,
  ]);
  return {
    ...figures(range, true, callRows, costRows),
    range,
    previous: { ...figures(previous, false, callRows, costRows), range: previous },
  };
}

type CostRow = { current: boolean; provider: string | null; day: string | null; g: number; cost: string };

// grouping(provider, day): 1 = grouped by provider, 2 = grouped by day, 3 = total.
const BY_PROVIDER = 1;
const BY_DAY = 2;
const TOTAL = 3;

function figures(range: TimeRange, current: boolean, callRows: (CallAggregateRow & { current: boolean })[], costRows: CostRow[]): OverviewFigures {
  const calls = callFigures(callRows.find((row) => row.current === current));
  const mine = costRows.filter((row) => row.current === current);
  const byProvider: Record<string, string> = {};
  // Stryker disable next-line ConditionalExpression: only grouping set 1 has a non-null provider, so the g test adds nothing to the null test
  for (const row of mine) if (row.g === BY_PROVIDER && row.provider !== null) byProvider[row.provider] = row.cost;
  // Stryker disable next-line MethodExpression,ConditionalExpression,LogicalOperator: only grouping set 2 has a non-null day, and dailySeries looks up date strings only, so rows with a null day are never read
  const byDay = new Map(mine.filter((row) => row.g === BY_DAY && row.day !== null).map((row) => [row.day!, row.cost]));
  return {
    calls: {
      total: calls.total,
      completed: calls.completed,
      failed: calls.failed,
      avgDuration: calls.avgDuration,
      totalMinutes: calls.totalMinutes,
    },
    cost: {
      total: mine.find((row) => row.g === TOTAL)?.cost ?? '0.000000',
      byProvider,
      trend: dailySeries(range, byDay, '0.000000').map(({ date, value }) => ({ date, cost: value })),
    },
    performance: { successRate: calls.successRate, avgResponseTime: calls.avgResponseTime, sentiment: calls.sentiment },
    counts: calls.counts,
  };
}
