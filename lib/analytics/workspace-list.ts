import { Prisma, type Db } from '@/lib/db';
import { MONTHLY_FEE } from './platform-overview';
import { callTotalsSource } from './call-source';
import { assertRange, type TimeRange } from './range';
import { scopeCondition } from './scope';
import { inRange, money } from './sql';

export type WorkspaceListRow = {
  workspaceId: string;
  name: string;
  slug: string;
  status: 'active' | 'trialing' | 'past_due' | 'cancelled';
  tier: string | null;
  timeZone: string;
  createdAt: Date;
  cancelledAt: Date | null;
  /** Calls started in the range. */
  calls: number;
  /** Paid/finalized billing periods starting in the range. */
  revenue: string;
  /** The tier's monthly-normalised fee when active, else 0. */
  mrr: string;
};

const PLATFORM = { platform: true } as const;

/**
 * Every workspace with its tier, status, calls, revenue and MRR, by name. Calls and
 * revenue are separate per-workspace subqueries, so neither multiplies the other.
 */
export async function getWorkspaceList(db: Db, range: TimeRange): Promise<WorkspaceListRow[]> {
  assertRange(range);
  return db.$queryRaw<WorkspaceListRow[]>`
    SELECT w.id::text AS "workspaceId", w.name, w.slug, w.status::text AS status, w.subscription_tier AS tier,
           w.timezone AS "timeZone", w.created_at AS "createdAt", w.cancelled_at AS "cancelledAt",
           (SELECT coalesce(sum(s.calls), 0) FROM ${callTotalsSource(PLATFORM, range.from, range.to, { workspace: Prisma.sql`workspace_id = w.id` })} s)::int AS calls,
           (SELECT ${money(Prisma.sql`sum(b.total_amount)`)} FROM billing_periods b
             WHERE b.workspace_id = w.id AND b.status IN ('paid', 'finalized')
               AND ${inRange(Prisma.sql`b.period_start`, range.from, range.to)}) AS revenue,
           ${money(Prisma.sql`CASE WHEN w.status = 'active' THEN ${MONTHLY_FEE} END`)} AS mrr
    FROM workspaces w
    LEFT JOIN subscription_tiers t ON t.tier_name = w.subscription_tier
    WHERE ${scopeCondition(PLATFORM, 'w.id')}
    ORDER BY w.name, w.id`;
}
