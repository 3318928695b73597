/** Colours and tick formats shared by the recharts components (brand palette of tailwind.config.ts). */
export const CHART_COLORS = { bar: '#2f6fed', selected: '#0f2a63', dimmed: '#a9c5f7', grid: '#e2e8f0', axis: '#64748b' } as const;

export type ValueFormat = 'count' | 'money' | 'percent';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function tickFormatter(format: ValueFormat): (value: number) => string {
  if (format === 'money') return (value) => `$${compact.format(value)}`;
  if (format === 'percent') return (value) => `${compact.format(value)}%`;
  return (value) => compact.format(value);
}
