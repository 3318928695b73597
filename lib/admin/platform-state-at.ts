import { Prisma, type Db } from '@/lib/db';
import { scopeCondition } from '@/lib/analytics';
import { MONTHLY_FEE } from '@/lib/analytics/platform-overview';
import { money } from '@/lib/analytics/sql';

export type PlatformStateAt = {
  at: Date;
  /** Workspaces created before `at`. */
  totalWorkspaces: number;
  /** Estimated: see below. */
  activeWorkspaces: number;
  mrr: string;
  arr: string;
};

const PLATFORM = { platform: true } as const;

/**
 * The platform's workspace count, active workspaces, MRR and ARR as they were at an
 * instant: the baseline of the admin KPI cards' "change" for figures that are current
 * state rather than range sums.
 *
 * Status history is not recorded, so "active at `at`" is estimated from the dates we do
 * have: created before `at` and either active now, or cancelled at or after `at` (taken to
 * have been active until then). Trialing and past-due workspaces are taken to have had
 * their current status throughout. MRR uses each workspace's current tier, yearly tiers
 * / 12 (METRICS.md MRR). For `at` = now this is exactly the overview's active count and MRR.
 */
export async function getPlatformStateAt(db: Db, at: Date): Promise<PlatformStateAt> {
  const alive = Prisma.sql`w.created_at < ${at}::timestamptz
    AND (w.status = 'active' OR (w.status = 'cancelled' AND w.cancelled_at >= ${at}::timestamptz))`;
  const [row] = await db.$queryRaw<{ total: number; active: number; mrr: string; arr: string }[]>`
    SELECT (count(*) FILTER (WHERE w.created_at < ${at}::timestamptz))::int AS total,
           (count(*) FILTER (WHERE ${alive}))::int AS active,
           ${money(Prisma.sql`sum(${MONTHLY_FEE}) FILTER (WHERE ${alive})`)} AS mrr,
           ${money(Prisma.sql`12 * sum(${MONTHLY_FEE}) FILTER (WHERE ${alive})`)} AS arr
    FROM workspaces w
    LEFT JOIN subscription_tiers t ON t.tier_name = w.subscription_tier
    WHERE ${scopeCondition(PLATFORM, 'w.id')}`;
  return { at, totalWorkspaces: row!.total, activeWorkspaces: row!.active, mrr: row!.mrr, arr: row!.arr };
}
