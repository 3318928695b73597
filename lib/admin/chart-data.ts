import type { MrrByTierRow, ProviderAnalyticsRow, RevenueMonth } from '@/lib/analytics';
import { formatCount, formatLocalDate, formatMoney, humanize } from '@/lib/charts/format';
import type { ChartPoint } from '@/lib/charts/series';
import { providerName } from '@/lib/providers/brands';
import { formatLatency, formatMonth } from './format';

/**
 * Prepare, then draw: the admin charts' points, series and table fallbacks from the
 * analytics results. Amounts become numbers here only to be plotted; labels and tables
 * show the exact amounts, rounded on the decimal string.
 */

export function mrrByTierPoints(rows: readonly MrrByTierRow[]): ChartPoint[] {
  return rows.map((row) => ({
    key: row.tier,
    label: humanize(row.tier),
    value: Number(row.mrr),
    display: `${formatMoney(row.mrr)} (${formatCount(row.activeWorkspaces)} active)`,
  }));
}

/**
 * One bar per month. A month with draft periods (still open, or not closed yet) draws
 * final + draft, hatched, and says how much of it is draft: never a silent $0.
 */
export function revenueByMonthPoints(months: readonly RevenueMonth[]): ChartPoint[] {
  return months.map((m) => {
    const hasDraft = Number(m.draft) !== 0;
    return {
      key: m.month,
      label: formatMonth(m.month, true),
      value: Number(m.revenue) + Number(m.draft),
      display: formatMoney(m.revenue),
      ...(hasDraft ? { partial: `+ ${formatMoney(m.draft)} draft, not final` } : {}),
    };
  });
}

export type SeriesTable = { columns: string[]; rows: { key: string; cells: string[] }[] };

export function providerCostRevenue(rows: readonly ProviderAnalyticsRow[]) {
  return {
    data: rows.map((row) => ({ provider: providerName(row.provider), cost: Number(row.totalCost), revenue: Number(row.totalRevenue) })),
    summary: rows.length
      ? `Cost vs revenue by provider: ${rows.map((row) => `${providerName(row.provider)} cost ${formatMoney(row.totalCost)}, revenue ${formatMoney(row.totalRevenue)}`).join('; ')}`
      : 'Cost vs revenue by provider: no data',
    table: {
      columns: ['Provider', 'Cost', 'Revenue'],
      rows: rows.map((row) => ({ key: row.provider, cells: [providerName(row.provider), formatMoney(row.totalCost), formatMoney(row.totalRevenue)] })),
    } satisfies SeriesTable,
    empty: rows.every((row) => Number(row.totalCost) === 0 && Number(row.totalRevenue) === 0),
  };
}

/** One row per date, one column per provider (null where the provider had no checks that day). */
export function latencyOverTime(rows: readonly ProviderAnalyticsRow[]) {
  const dates = rows[0]?.latencyTrend.map((point) => point.date) ?? [];
  const withYear = dates.length > 0 && dates[0]!.slice(0, 4) !== dates.at(-1)!.slice(0, 4);
  const byProvider = rows.map((row) => new Map(row.latencyTrend.map((point) => [point.date, point.avgLatency])));
  const data = dates.map((date) => {
    const point: Record<string, string | number | null> = { date, label: formatLocalDate(date, withYear) };
    rows.forEach((row, i) => {
      point[row.provider] = byProvider[i]!.get(date) ?? null;
    });
    return point;
  });
  const withChecks = rows.filter((row) => row.avgLatency !== null);
  return {
    data,
    providers: rows.map((row) => row.provider),
    empty: withChecks.length === 0,
    summary: withChecks.length
      ? `Latency over time, ${dates.length} days: ${withChecks.map((row) => `${providerName(row.provider)} averages ${formatLatency(row.avgLatency)}`).join(', ')}`
      : 'Latency over time: no health checks in the range',
    table: {
      columns: ['Date', ...rows.map((row) => providerName(row.provider))],
      rows: data.map((point) => ({
        key: String(point.date),
        cells: [String(point.label), ...rows.map((row) => formatLatency(point[row.provider] as number | null))],
      })),
    } satisfies SeriesTable,
  };
}
