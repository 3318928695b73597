import { Prisma, type Db } from '@/lib/db';
import { CALL_AGGREGATES, callFigures, type CallAggregateRow, type CallFigures } from './call-aggregates';
import { callFilterCondition } from './filters';
import { assertRange, type TimeRange } from './range';
import { scopeCondition, type WorkspaceScope } from './scope';
import { percent } from './series';
import { inRange, money } from './sql';
import { usageSource } from './usage-source';

/** An alert rule's narrowing (METRICS.md "Alerts"): the agent and/or voice provider of the calls. */
export type WindowFilters = { agentId?: string; provider?: string };

export type WindowFigures = CallFigures & {
  /** 100 × failed / terminal calls; 0 without terminal calls. */
  failureRate: number;
  /**
   * Billed cost, decimal string. Unfiltered: the dashboard's total cost (usage final_cost
   * created in the range). Filtered by agent or provider: the leaderboard's billed cost,
   * sum of calls.cost_total of the filtered calls started in the range.
   */
  billedCost: string;
};

/**
 * The figures an alert rule reads over its trailing window (15 minutes to a day). The
 * call figures are CALL_AGGREGATES / callFigures, the very SELECT list and arithmetic of
 * the overview and the call analytics, over the calls narrowed by the dashboard's own
 * filter condition; windows are short, so the raw rows are read through the covering index.
 */
export async function getWindowFigures(db: Db, scope: WorkspaceScope, range: TimeRange, filters: WindowFilters = {}): Promise<WindowFigures> {
  assertRange(range);
  const filtered = filters.agentId !== undefined || filters.provider !== undefined;
  const [rows, cost] = await Promise.all([
    db.$queryRaw<(CallAggregateRow & { cost: string })[]>`
      SELECT ${CALL_AGGREGATES}, ${money(Prisma.sql`sum(c.cost_total)`)} AS cost
      FROM calls c
      WHERE ${scopeCondition(scope, 'c.workspace_id')} AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)}
        AND ${callFilterCondition(filters, range.timeZone)}`,
    filtered
      ? Promise.resolve(null)
      : db.$queryRaw<{ cost: string }[]>`SELECT ${money(Prisma.sql`sum(u.final_cost)`)} AS cost FROM ${usageSource(scope, range.from, range.to, undefined, { wholeHours: true })} u`,
  ]);
  const row = rows[0];
  const figures = callFigures(row);
  return {
    ...figures,
    failureRate: percent(figures.failed, figures.terminal),
    // Both are aggregates without GROUP BY: one row even over no rows, money() gives 0.
    billedCost: cost ? cost[0]!.cost : row!.cost,
  };
}
