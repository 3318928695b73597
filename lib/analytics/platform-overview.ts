import { Prisma, type Db } from '@/lib/db';
import { callTotalsSource, platformCallSource } from './call-source';
import { assertRange, previousRange, type TimeRange } from './range';
import { scopeCondition } from './scope';
import { percent } from './series';
import { inRange, money } from './sql';

export type TopWorkspace = { workspaceId: string; name: string; calls: number; revenue: string };

export type PlatformRangeFigures = {
  /** Calls started in the range. */
  totalCalls: number;
  /** Sum of total_amount of paid/finalized billing periods starting in the range. */
  totalRevenue: string;
  /** 100 × cancelled in range / workspaces alive at the range start. */
  churnRate: number;
  churnedWorkspaces: number;
};

export type PlatformOverview = PlatformRangeFigures & {
  range: TimeRange;
  /** Current state, not range-bound. */
  totalWorkspaces: number;
  activeWorkspaces: number;
  /** Monthly fee of active workspaces' tiers, yearly tiers / 12. */
  mrr: string;
  arr: string;
  topWorkspaces: TopWorkspace[];
  previous: PlatformRangeFigures & { range: TimeRange };
};

const PLATFORM = { platform: true } as const;
const REVENUE_STATUSES = Prisma.sql`('paid'::billing_period_status, 'finalized'::billing_period_status)`;

/** Platform admin headline figures; the caller has checked the admin role. */
export async function getPlatformOverview(db: Db, range: TimeRange): Promise<PlatformOverview> {
  assertRange(range);
  const previous = previousRange(range);
  const [[workspaces], [calls], [revenue], topWorkspaces] = await Promise.all([
    db.$queryRaw<WorkspaceRow[]>`
      SELECT count(*)::int AS total,
             (count(*) FILTER (WHERE w.status = 'active'))::int AS active,
             ${money(Prisma.sql`sum(${MONTHLY_FEE}) FILTER (WHERE w.status = 'active')`)} AS mrr,
             ${money(Prisma.sql`12 * sum(${MONTHLY_FEE}) FILTER (WHERE w.status = 'active')`)} AS arr,
             ${churnCounts(range, 'churned', 'base')},
             ${churnCounts(previous, 'prev_churned', 'prev_base')}
      FROM workspaces w
      LEFT JOIN subscription_tiers t ON t.tier_name = w.subscription_tier
      WHERE ${scopeCondition(PLATFORM, 'w.id')}`,
    // From the platform call rollup plus the raw calls of the partial days (call-source.ts).
    db.$queryRaw<{ current: number; previous: number }[]>`
      SELECT coalesce((SELECT sum(p.calls) FROM ${platformCallSource(range.from, range.to)} p), 0)::int AS current,
             coalesce((SELECT sum(p.calls) FROM ${platformCallSource(previous.from, previous.to)} p), 0)::int AS previous`,
    db.$queryRaw<{ current: string; previous: string }[]>`
      SELECT ${money(Prisma.sql`sum(b.total_amount) FILTER (WHERE b.period_start >= ${range.from}::timestamptz)`)} AS current,
             ${money(Prisma.sql`sum(b.total_amount) FILTER (WHERE b.period_start < ${range.from}::timestamptz)`)} AS previous
      FROM billing_periods b
      WHERE ${scopeCondition(PLATFORM, 'b.workspace_id')} AND b.status IN ${REVENUE_STATUSES}
        AND ${inRange(Prisma.sql`b.period_start`, previous.from, range.to)}`,
    getTopWorkspaces(db, range),
  ]);
  const w = workspaces!;
  return {
    range,
    totalWorkspaces: w.total,
    activeWorkspaces: w.active,
    mrr: w.mrr,
    arr: w.arr,
    totalCalls: calls!.current,
    totalRevenue: revenue!.current,
    churnRate: percent(w.churned, w.base),
    churnedWorkspaces: w.churned,
    topWorkspaces,
    previous: {
      range: previous,
      totalCalls: calls!.previous,
      totalRevenue: revenue!.previous,
      churnRate: percent(w.prev_churned, w.prev_base),
      churnedWorkspaces: w.prev_churned,
    },
  };
}

type WorkspaceRow = { total: number; active: number; mrr: string; arr: string; churned: number; base: number; prev_churned: number; prev_base: number };

/**
 * A tier's fee per month: yearly billing is spread over 12 months, rounded to 6 places per
 * workspace (as subscription_history stores it), so that sums of MRR are exact.
 */
export const MONTHLY_FEE = Prisma.sql`(CASE WHEN t.billing_interval = 'year' THEN round(t.monthly_fee / 12, 6) ELSE t.monthly_fee END)`;

/**
 * Churn (METRICS.md, seed defect 6): cancelled_at in the range, over the workspaces that
 * existed at the range start and were not yet cancelled then.
 */
function churnCounts(range: TimeRange, churned: string, base: string): Prisma.Sql {
  return Prisma.sql`
    (count(*) FILTER (WHERE ${inRange(Prisma.sql`w.cancelled_at`, range.from, range.to)}))::int AS ${Prisma.raw(churned)},
    (count(*) FILTER (WHERE w.created_at <= ${range.from}::timestamptz
                        AND (w.cancelled_at IS NULL OR w.cancelled_at >= ${range.from}::timestamptz)))::int AS ${Prisma.raw(base)}`;
}

/**
 * The 10 workspaces with the highest revenue in the range (ties by name). Revenue and
 * calls are aggregated separately, so neither multiplies the other (seed defect 5).
 */
async function getTopWorkspaces(db: Db, range: TimeRange): Promise<TopWorkspace[]> {
  return db.$queryRaw<TopWorkspace[]>`
    WITH top AS (
      SELECT w.id, w.name, coalesce(r.revenue, 0) AS revenue
      FROM workspaces w
      LEFT JOIN (
        SELECT b.workspace_id, sum(b.total_amount) AS revenue
        FROM billing_periods b
        WHERE b.status IN ${REVENUE_STATUSES} AND ${inRange(Prisma.sql`b.period_start`, range.from, range.to)}
        GROUP BY b.workspace_id
      ) r ON r.workspace_id = w.id
      WHERE ${scopeCondition(PLATFORM, 'w.id')}
      ORDER BY revenue DESC, w.name ASC, w.id ASC
      LIMIT 10
    )
    SELECT top.id::text AS "workspaceId", top.name, ${money(Prisma.sql`top.revenue`)} AS revenue,
           (SELECT coalesce(sum(s.calls), 0) FROM ${callTotalsSource(PLATFORM, range.from, range.to, { workspace: Prisma.sql`workspace_id = top.id` })} s)::int AS calls
    FROM top
    ORDER BY top.revenue DESC, top.name ASC, top.id ASC`;
}
