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

/**
 * The range's exact bounds. Whole local days read "Mar 1, 2026 – Mar 31, 2026 · UTC" (the
 * last day shown is the one before `to`); a range that starts or ends mid-day shows the
 * times, "Dec 1, 2026, 00:00 – Dec 2, 2026, 09:41 · UTC", so a partial day is visible.
 */
export function formatRange(range: { from: Date | string; to: Date | string; timeZone: string }): string {
  const day = { month: 'short', day: 'numeric', year: 'numeric', timeZone: range.timeZone } as const;
  const withTime = { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  const from = new Date(range.from);
  const to = new Date(range.to);
  if (isLocalMidnight(from, range.timeZone) && isLocalMidnight(to, range.timeZone)) {
    const last = new Date(to.getTime() - 1);
    return `${from.toLocaleDateString('en-US', day)} – ${last.toLocaleDateString('en-US', day)} · ${range.timeZone}`;
  }
  return `${from.toLocaleString('en-US', withTime)} – ${to.toLocaleString('en-US', withTime)} · ${range.timeZone}`;
}

function isLocalMidnight(instant: Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value;
  return get('hour') === '00' && get('minute') === '00' && get('second') === '00' && instant.getMilliseconds() === 0;
}
