import { Prisma, type Db } from '@/lib/db';
import { MONTHLY_FEE } from './platform-overview';
import { scopeCondition } from './scope';
import { money } from './sql';

export type MrrByTierRow = {
  tier: string;
  billingInterval: 'month' | 'year';
  /** The tier's fee as stored (per month, or per year for yearly tiers). */
  fee: string;
  activeWorkspaces: number;
  /** Sum of the fee normalised to a month over the tier's active workspaces. */
  mrr: string;
};

const PLATFORM = { platform: true } as const;

/** MRR split by subscription tier (current state, METRICS.md MRR); every tier, 0 included. */
export async function getMrrByTier(db: Db): Promise<MrrByTierRow[]> {
  return db.$queryRaw<MrrByTierRow[]>`
    SELECT t.tier_name AS tier, t.billing_interval::text AS "billingInterval", ${money(Prisma.sql`t.monthly_fee`)} AS fee,
           count(w.id)::int AS "activeWorkspaces",
           ${money(Prisma.sql`sum(${MONTHLY_FEE}) FILTER (WHERE w.id IS NOT NULL)`)} AS mrr
    FROM subscription_tiers t
    LEFT JOIN workspaces w ON w.subscription_tier = t.tier_name AND w.status = 'active' AND ${scopeCondition(PLATFORM, 'w.id')}
    GROUP BY t.tier_name, t.billing_interval, t.monthly_fee
    ORDER BY sum(${MONTHLY_FEE}) FILTER (WHERE w.id IS NOT NULL) DESC NULLS LAST, t.tier_name`;
}
