import type { SeedSession } from './bulk-load';
import { TIERS } from './catalog';
import { localMonthIndex, localMonthStart, monthLabel } from './local-time';
import { microsToDecimal, type MonthlyUsage, type SeedWorkspace } from './calls';
import { makeId } from './random';

/**
 * One billing period per workspace per calendar month of its own time zone (local
 * midnight of the 1st to local midnight of the next 1st), from its creation to now (or
 * its cancellation): the current month draft, the previous finalized, older ones paid
 * (a past-due workspace's last two are finalized, unpaid). Usage amounts are the exact
 * sums of the usage records generated for that month.
 */
export async function seedBillingPeriods(session: SeedSession, workspaces: SeedWorkspace[], monthlyUsage: MonthlyUsage, nowMs: number): Promise<void> {
  const lines: string[] = [];
  let counter = 0;
  for (const ws of workspaces) {
    const currentMonth = localMonthIndex(ws.timezone, nowMs);
    const spec = ws.spec;
    const tier = TIERS.find((t) => t.tierName === spec.tier)!;
    const feeMicros = Math.round(Number(tier.monthlyFee) * 1_000_000);
    const firstMonth = localMonthIndex(ws.timezone, ws.createdAtMs);
    const lastMonth = localMonthIndex(ws.timezone, ws.endMs - 1);
    for (let m = firstMonth; m <= lastMonth; m++) {
      const start = new Date(localMonthStart(ws.timezone, m));
      const next = new Date(localMonthStart(ws.timezone, m + 1));
      const age = currentMonth - m;
      let status = age === 0 ? 'draft' : age === 1 ? 'finalized' : 'paid';
      if (spec.status === 'past_due' && age >= 1 && age <= 2) status = 'finalized';
      if (spec.status === 'trialing') status = 'draft';
      // Annual tiers bill their fee once a year, in the anniversary month.
      const subscription = spec.status === 'trialing' ? 0 : tier.billingInterval === 'year' ? ((m - firstMonth) % 12 === 0 ? feeMicros : 0) : feeMicros;
      const usage = monthlyUsage.get(ws.id)?.get(monthLabel(m)) ?? 0;
      lines.push([
        makeId(0xa005, ++counter), ws.id, start.toISOString(), next.toISOString(), status,
        microsToDecimal(subscription), microsToDecimal(usage), microsToDecimal(subscription + usage),
      ].join(','));
    }
  }
  await session.copy('billing_periods', ['id', 'workspace_id', 'period_start', 'period_end', 'status', 'subscription_amount', 'usage_amount', 'total_amount'], lines);
}
