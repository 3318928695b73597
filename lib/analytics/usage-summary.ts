import { Prisma, type Db } from '@/lib/db';
import { NotFoundError } from './errors';
import { assertRange, type TimeRange } from './range';
import { isUuid, scopeCondition, type AnalyticsScope } from './scope';
import { money } from './sql';
import { usageSource } from './usage-source';

/**
 * What the workspace is billed, per provider and usage type. Provider cost (what the
 * platform pays) is platform-confidential (METRICS.md) and deliberately not part of this
 * summary: it feeds workspace pages, APIs and reports. Platform views read provider cost
 * through getProviderAnalytics.
 */
export type UsageSummaryLine = {
  provider: string;
  usageType: string;
  /** Decimal strings: quantity in the usage type's unit, billed amount. */
  quantity: string;
  billedAmount: string;
};

export type BillingPeriodInfo = {
  id: string;
  workspaceId: string;
  periodStart: Date;
  periodEnd: Date;
  status: 'draft' | 'finalized' | 'paid' | 'void';
  subscriptionAmount: string;
  usageAmount: string;
  totalAmount: string;
};

export type UsageSummary = {
  /** The usage records' created_at window: the billing period's, or the range given. */
  from: Date;
  to: Date;
  billingPeriod: BillingPeriodInfo | null;
  /** Ordered by provider, then usage type. */
  lines: UsageSummaryLine[];
  byProvider: { provider: string; billedAmount: string }[];
  totals: { billedAmount: string };
};

export type UsageSummaryTarget = { billingPeriodId: string } | TimeRange;

/**
 * Usage grouped by provider and usage type (METRICS.md monthly report), for a billing
 * period of the scope (another workspace's period is NotFoundError) or a time range.
 */
export async function getUsageSummary(db: Db, scope: AnalyticsScope, target: UsageSummaryTarget): Promise<UsageSummary> {
  let window: { from: Date; to: Date; workspace: Prisma.Sql };
  let billingPeriod: BillingPeriodInfo | null = null;
  if ('billingPeriodId' in target) {
    billingPeriod = await findBillingPeriod(db, scope, target.billingPeriodId);
    window = {
      from: billingPeriod.periodStart,
      to: billingPeriod.periodEnd,
      workspace: Prisma.sql`workspace_id = ${billingPeriod.workspaceId}::uuid`,
    };
  } else {
    assertRange(target);
    window = { from: target.from, to: target.to, workspace: Prisma.sql`TRUE` };
  }

  // Read from the 15-minute usage rollup plus the raw rows of the window's partial edge
  // buckets (usage-source.ts). Ordered by code unit (COLLATE "C"), as JavaScript compares
  // strings, on every engine and database collation. Summed per (provider, usage type) first, then rolled up:
  // grouping sets straight over the usage rows make PostgreSQL sort them all.
  const rows = await db.$queryRaw<Row[]>`
    SELECT grouping(s.provider, s.usage_type)::int AS g, s.provider, s.usage_type,
           ${money(Prisma.sql`sum(s.quantity)`)} AS quantity,
           ${money(Prisma.sql`sum(s.final_cost)`)} AS billed_amount
    FROM (
      SELECT u.provider, u.usage_type, sum(u.quantity) AS quantity, sum(u.final_cost) AS final_cost
      FROM ${usageSource(scope, window.from, window.to, window.workspace, { wholeHours: true })} u
      GROUP BY u.provider, u.usage_type
    ) s
    GROUP BY GROUPING SETS ((s.provider, s.usage_type), (s.provider), ())
    ORDER BY s.provider COLLATE "C", s.usage_type COLLATE "C"`;

  // The empty grouping set yields its row even over no usage at all (sum of nothing: 0).
  const total = rows.find((row) => row.g === 3)!;
  return {
    from: window.from,
    to: window.to,
    billingPeriod,
    lines: rows
      .filter((row) => row.g === 0)
      .map((row) => ({
        provider: row.provider!,
        usageType: row.usage_type!,
        quantity: row.quantity,
        billedAmount: row.billed_amount,
      })),
    byProvider: rows
      .filter((row) => row.g === 1)
      .map((row) => ({ provider: row.provider!, billedAmount: row.billed_amount })),
    totals: { billedAmount: total.billed_amount },
  };
}

type Row = { g: number; provider: string | null; usage_type: string | null; quantity: string; billed_amount: string };

async function findBillingPeriod(db: Db, scope: AnalyticsScope, id: string): Promise<BillingPeriodInfo> {
  if (!isUuid(id)) throw new NotFoundError('billing period');
  const [period] = await db.$queryRaw<BillingPeriodInfo[]>`
    SELECT b.id::text AS id, b.workspace_id::text AS "workspaceId", b.period_start AS "periodStart",
           b.period_end AS "periodEnd", b.status::text AS status,
           ${money(Prisma.sql`b.subscription_amount`)} AS "subscriptionAmount",
           ${money(Prisma.sql`b.usage_amount`)} AS "usageAmount",
           ${money(Prisma.sql`b.total_amount`)} AS "totalAmount"
    FROM billing_periods b
    WHERE b.id = ${id}::uuid AND ${scopeCondition(scope, 'b.workspace_id')}`;
  if (!period) throw new NotFoundError('billing period');
  return period;
}
