/** Colours and tick formats shared by the recharts components (brand palette of tailwind.config.ts). */
export const CHART_COLORS = { bar: '#2f6fed', selected: '#0f2a63', dimmed: '#a9c5f7', grid: '#e2e8f0', axis: '#64748b' } as const;

/**
 * Good / neutral / bad (sentiment, outcomes): green, slate, red, each ≥ 4.5:1 on white, so
 * bars read as graphics (WCAG 1.4.11 needs 3:1) and the colours work as text too.
 */
export const TONE_COLORS = { good: '#15803d', neutral: '#64748b', bad: '#b91c1c' } as const;

export type { AxisFormat as ValueFormat } from '@/lib/charts/ticks';
/** Value axes: nice 1-2-2.5-5 ticks ending near the data, labels exact at their precision. */
export { valueAxisProps } from '@/lib/charts/ticks';
