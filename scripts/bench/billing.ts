// The billing section of `npm run bench -- --only billing`: the billing-close job on the
// bench dataset. "close one month": every workspace's latest finalized period (and its
// draft) removed, then one run of the close finalizes that month for every workspace and
// drafts the current one (what the first run after a month end does). "hourly draft
// refresh": a run with nothing to finalize (recompute every draft, reconcile every month).
import { closeBilling } from '@/lib/billing/close';
import type { BenchContext, BenchResult, BenchSection } from './types';

async function undoLastClose(context: BenchContext): Promise<number> {
  const db = context.db;
  await db.$executeRaw`
    DELETE FROM billing_periods b
    USING (SELECT workspace_id, max(period_start) AS last FROM billing_periods WHERE status IN ('finalized', 'paid') GROUP BY workspace_id) l
    WHERE b.workspace_id = l.workspace_id AND b.period_start >= l.last`;
  await db.$executeRaw`
    INSERT INTO counters (name, value)
    SELECT 'invoice', coalesce(max(right(invoice_number, 6)::int), 0) FROM billing_periods
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`;
  return db.billingPeriod.count();
}

function stats(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor((sorted.length - 1) / 2)]!, p95: sorted[sorted.length - 1]! };
}

export const billingSection: BenchSection = {
  title: 'billing close (job billing-close, every workspace)',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const runs = Math.max(1, Math.min(context.runs, 5));
    const close: number[] = [];
    let finalized = 0;
    for (let i = 0; i < runs; i++) {
      await undoLastClose(context);
      const started = performance.now();
      const summary = await closeBilling(context.db, { now: context.now });
      close.push(performance.now() - started);
      finalized = summary.finalized;
    }
    const refresh: number[] = [];
    let drafts = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const summary = await closeBilling(context.db, { now: new Date(context.now.getTime() + (i + 1) * 3_600_000) });
      refresh.push(performance.now() - started);
      drafts = summary.drafts;
    }
    const [load1] = (await import('node:os')).loadavg();
    context.log(`close: ${finalized} periods finalized per run; refresh: ${drafts} drafts; load average ${load1!.toFixed(1)}`);
    return [
      { name: 'close one month, every workspace', range: `${finalized} periods`, ours: stats(close), note: `${runs} runs, load ${load1!.toFixed(1)}` },
      { name: 'hourly draft refresh', range: `${drafts} drafts`, ours: stats(refresh), note: `${runs} runs` },
    ];
  },
};
