/**
 * Admin-only display helpers; everything else comes from lib/charts/format (money rounded
 * on the decimal string, counts, percentages, local dates).
 */
import { formatMilliseconds, formatPercent } from '@/lib/charts/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" → "Mar 2026" (or "Mar '26" short). Never via Date: no zone shift. */
export function formatMonth(month: string, short = false): string {
  const [year, m] = month.split('-');
  const name = MONTHS[Number(m) - 1] ?? m;
  return short ? `${name} ’${year!.slice(2)}` : `${name} ${year}`;
}

export function formatNullablePercent(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}

export function formatLatency(value: number | null): string {
  return value === null ? '—' : formatMilliseconds(Math.round(value));
}

/** "Mar 1, 2026 – Mar 31, 2026 · UTC" for a half-open range: the last day shown is the one before `to`. */
export function formatRange(range: { from: Date | string; to: Date | string; timeZone: string }): string {
  const options = { month: 'short', day: 'numeric', year: 'numeric', timeZone: range.timeZone } as const;
  const from = new Date(range.from);
  const last = new Date(new Date(range.to).getTime() - 1);
  return `${from.toLocaleDateString('en-US', options)} – ${last.toLocaleDateString('en-US', options)} · ${range.timeZone}`;
}
