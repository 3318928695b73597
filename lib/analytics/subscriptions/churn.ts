import { Prisma } from '@/lib/db';
import { mrrByWorkspaceAt, type CalendarMonth, type SubscriptionEvent } from './history';
import type { MrrMonth } from './movements';

export type ChurnMonth = {
  month: string;
  /** Workspaces paying at the month's start that pay nothing at its end. */
  churnedCustomers: number;
  customersAtStart: number;
  /** 100 × churned / paying at start; null when nobody paid at the start. */
  logoChurnRate: number | null;
  /** 100 × (churn + contraction) / starting MRR; null when starting MRR is 0. */
  grossRevenueChurnRate: number | null;
  /** 100 × (churn + contraction − expansion − reactivation) / starting MRR; may be negative. */
  netRevenueChurnRate: number | null;
};

const pct = (part: Prisma.Decimal, whole: Prisma.Decimal): number | null => (whole.eq(0) ? null : part.mul(100).div(whole).toNumber());

/** Logo churn and revenue churn (gross and net) of each month (docs/METRICS.md). */
export function churnByMonth(events: readonly SubscriptionEvent[], months: readonly CalendarMonth[], mrr: readonly MrrMonth[]): ChurnMonth[] {
  return months.map(({ month, start, end }, i) => {
    const row = mrr[i]!;
    if (row.month !== month) throw new Error('churnByMonth: months and MRR rows differ');
    const atStart = mrrByWorkspaceAt(events, start);
    const atEnd = mrrByWorkspaceAt(events, end);
    let customersAtStart = 0;
    let churnedCustomers = 0;
    for (const [workspaceId, value] of atStart) {
      if (!value.gt(0)) continue;
      customersAtStart += 1;
      if (!(atEnd.get(workspaceId) ?? new Prisma.Decimal(0)).gt(0)) churnedCustomers += 1;
    }
    const starting = new Prisma.Decimal(row.starting);
    const lost = new Prisma.Decimal(row.churn).add(row.contraction);
    return {
      month,
      churnedCustomers,
      customersAtStart,
      logoChurnRate: customersAtStart === 0 ? null : (100 * churnedCustomers) / customersAtStart,
      grossRevenueChurnRate: pct(lost, starting),
      netRevenueChurnRate: pct(lost.sub(row.expansion).sub(row.reactivation), starting),
    };
  });
}
