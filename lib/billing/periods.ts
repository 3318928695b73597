import type { Db } from '@/lib/db';
import type { BillingPeriodInfo, WorkspaceScope } from '@/lib/analytics';

/**
 * A workspace's billing periods, newest month first and, within a month that was voided and
 * re-closed, its newest revision first; amounts as exact decimal strings.
 */
export async function listBillingPeriods(db: Db, scope: WorkspaceScope): Promise<BillingPeriodInfo[]> {
  const rows = await db.billingPeriod.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: [{ periodStart: 'desc' }, { revision: 'desc' }],
    select: {
      id: true,
      workspaceId: true,
      periodStart: true,
      periodEnd: true,
      status: true,
      subscriptionAmount: true,
      usageAmount: true,
      totalAmount: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    subscriptionAmount: row.subscriptionAmount.toFixed(6),
    usageAmount: row.usageAmount.toFixed(6),
    totalAmount: row.totalAmount.toFixed(6),
  }));
}
