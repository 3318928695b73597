import type { MrrMonth } from '@/lib/analytics/subscriptions';
import { formatMoney } from '@/lib/charts/format';
import { formatMonth } from './format';

/** The MRR chart's series: amounts become numbers here only to be plotted; labels and tables show the exact decimals. */
export const MOVEMENT_SERIES = [
  { key: 'new', name: 'New', color: '#2f6fed', sign: 1 },
  { key: 'expansion', name: 'Expansion', color: '#10b981', sign: 1 },
  { key: 'reactivation', name: 'Reactivation', color: '#8b5cf6', sign: 1 },
  { key: 'contraction', name: 'Contraction', color: '#f59e0b', sign: -1 },
  { key: 'churn', name: 'Churn', color: '#e11d48', sign: -1 },
] as const;

export type MrrChartPoint = { month: string; label: string; mrr: number } & Record<(typeof MOVEMENT_SERIES)[number]['key'], number>;

export function mrrChart(months: readonly MrrMonth[]) {
  const data: MrrChartPoint[] = months.map((m) => ({
    month: m.month,
    label: formatMonth(m.month, true),
    mrr: Number(m.ending),
    new: Number(m.new),
    expansion: Number(m.expansion),
    reactivation: Number(m.reactivation),
    contraction: -Number(m.contraction),
    churn: -Number(m.churn),
  }));
  const last = months.at(-1);
  return {
    data,
    summary: last
      ? `MRR by month, ${formatMonth(months[0]!.month)} to ${formatMonth(last.month)}: from ${formatMoney(months[0]!.starting)} to ${formatMoney(last.ending)}`
      : 'MRR by month: no months',
    table: {
      columns: ['Month', 'Ending MRR', ...MOVEMENT_SERIES.map((s) => s.name)],
      rows: months.map((m) => ({ key: m.month, cells: [formatMonth(m.month), formatMoney(m.ending), ...MOVEMENT_SERIES.map((s) => formatMoney(m[s.key]))] })),
    },
    empty: months.every((m) => Number(m.ending) === 0 && Number(m.starting) === 0 && m.movements.length === 0),
  };
}
