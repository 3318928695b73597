import { getProviderAnalytics, getWindowFigures, type TimeRange, type WindowFigures } from '@/lib/analytics';
import type { Db } from '@/lib/db';
import { COST_CHANGE_OFFSET_MS, type AlertMetric, type Comparator } from './definitions';

/** What a rule's evaluation reads. `value` null: not enough data (below min_calls, no baseline, no checks). */
export type Measurement = { value: string | null; calls: number; subject?: string | null };

export type MeasuredRule = {
  workspaceId: string | null;
  metric: AlertMetric;
  windowMinutes: number;
  comparator: Comparator;
  minCalls: number;
  agentId: string | null;
  provider: string | null;
};

/** Numbers become decimal strings for exact comparison; doubles print their shortest round-trip form. */
const decimal = (n: number) => String(n);

/**
 * The rule's metric over the trailing window `[now − window, now)`, read with the
 * dashboard's own analytics functions (METRICS.md "Alerts"). Windows are instants, so a
 * window across local midnight or a DST change holds exactly the calls of those minutes.
 */
export async function measureRule(db: Db, rule: MeasuredRule, now: Date, timeZone: string): Promise<Measurement> {
  const range: TimeRange = { from: new Date(now.getTime() - rule.windowMinutes * 60_000), to: now, timeZone };
  if (rule.workspaceId === null) return measurePlatform(db, rule, range);
  const scope = { workspaceId: rule.workspaceId };
  const filters = { ...(rule.agentId ? { agentId: rule.agentId } : {}), ...(rule.provider ? { provider: rule.provider } : {}) };
  const current = await getWindowFigures(db, scope, range, filters);
  const calls = current.total;
  if (calls < rule.minCalls) return { value: null, calls };
  if (rule.metric === 'cost_change') {
    const earlier: TimeRange = { from: new Date(range.from.getTime() - COST_CHANGE_OFFSET_MS), to: new Date(range.to.getTime() - COST_CHANGE_OFFSET_MS), timeZone };
    const baseline = await getWindowFigures(db, scope, earlier, filters);
    return { value: costChange(current.billedCost, baseline.billedCost), calls };
  }
  return { value: workspaceValue(rule.metric, current), calls };
}

function workspaceValue(metric: AlertMetric, f: WindowFigures): string {
  switch (metric) {
    case 'failure_rate':
      return decimal(f.failureRate);
    case 'success_rate':
      return decimal(f.successRate);
    case 'negative_sentiment':
      return decimal(f.sentiment.negative);
    case 'calls':
      return decimal(f.total);
    case 'billed_cost':
      return f.billedCost;
    case 'avg_response_ms':
      return decimal(f.avgResponseTime);
    default:
      throw new Error(`not a workspace metric: ${metric}`);
  }
}

/** 100 × (now − before) / before, on the exact micro-dollar amounts; null when before is 0 (no baseline). */
export function costChange(current: string, before: string): string | null {
  const micros = (s: string) => BigInt(s.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'));
  const [now, then] = [micros(current), micros(before)];
  if (then === 0n) return null;
  return decimal((Number(now - then) * 100) / Number(then));
}

/**
 * Platform rules: getProviderAnalytics over the window. With a provider the rule reads that
 * provider's row; without one, the provider nearest to breaching among
 * those with at least min_calls calls: the lowest for lt/lte, the highest for gt/gte.
 */
async function measurePlatform(db: Db, rule: MeasuredRule, range: TimeRange): Promise<Measurement> {
  const rows = (await getProviderAnalytics(db, { ...range, timeZone: 'UTC' })).filter((row) => !rule.provider || row.provider === rule.provider);
  const candidates = rows
    .filter((row) => row.totalCalls >= rule.minCalls)
    .map((row) => ({ row, value: rule.metric === 'provider_margin' ? row.profitMargin : row.p95Latency }))
    .filter((c): c is { row: (typeof rows)[number]; value: number } => c.value !== null);
  const calls = rows.reduce((sum, row) => sum + row.totalCalls, 0);
  if (candidates.length === 0) return { value: null, calls, subject: rule.provider };
  const low = rule.comparator === 'lt' || rule.comparator === 'lte';
  const worst = candidates.reduce((a, b) => ((low ? b.value < a.value : b.value > a.value) ? b : a));
  return { value: decimal(worst.value), calls: worst.row.totalCalls, subject: worst.row.provider };
}
