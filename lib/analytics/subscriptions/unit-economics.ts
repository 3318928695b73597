import { Prisma } from '@/lib/db';
import { moneyString } from './history';
import type { ChurnMonth } from './churn';
import type { MrrMonth } from './movements';

export const LTV_CHURN_MONTHS = 6;

export type UnitEconomicsMonth = {
  month: string;
  /** Ending MRR / paying workspaces at the month's end; null when none pay. */
  arpa: string | null;
  /** Churned logos / paying-at-start logos over the 6 months ending with this one, in %. */
  trailingLogoChurnRate: number | null;
  /** ARPA ÷ trailing 6-month monthly logo churn; null (undefined) when that churn is 0. */
  ltv: string | null;
};

/**
 * ARPA and LTV of each month. `mrr` and `churn` are month rows in order; the first
 * months of the list have a shorter trailing window (only the months given), so callers
 * pass 5 months before the ones they show.
 */
export function unitEconomics(mrr: readonly MrrMonth[], churn: readonly ChurnMonth[]): UnitEconomicsMonth[] {
  return mrr.map((row, i) => {
    const arpa = row.customersAtEnd === 0 ? null : new Prisma.Decimal(row.ending).div(row.customersAtEnd);
    const window = churn.slice(Math.max(0, i - LTV_CHURN_MONTHS + 1), i + 1);
    const churned = window.reduce((sum, m) => sum + m.churnedCustomers, 0);
    const base = window.reduce((sum, m) => sum + m.customersAtStart, 0);
    const rate = base === 0 ? null : churned / base;
    const ltv = arpa === null || rate === null || churned === 0 ? null : arpa.mul(base).div(churned);
    return {
      month: row.month,
      arpa: arpa === null ? null : moneyString(arpa),
      trailingLogoChurnRate: rate === null ? null : 100 * rate,
      ltv: ltv === null ? null : moneyString(ltv),
    };
  });
}
