import { localDateOf } from '@/lib/analytics/range';
import { formatLocalDate } from '@/lib/charts/format';
/**
 * Display formatting for reports. Reports state their rounding (METRICS.md): money to the
 * cent (half up, from the exact decimal string, never through a float), percentages to
 * one decimal, minutes to whole units, durations to whole seconds, counts in full.
 */
export const ROUNDING_NOTE = 'Money is rounded to the cent, percentages to one decimal place, minutes to whole units, durations to whole seconds.';

/** "1234.565000" → "$1,234.57" (half up on the exact decimal). */
export function formatMoney(decimal: string, currency = '$'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign, int, frac = ''] = match;
  let cents = BigInt(int!) * 100n + BigInt((frac + '00').slice(0, 2));
  if (Number(frac.charAt(2) || '0') >= 5) cents += 1n;
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = sign === '-' && cents !== 0n;
  return `${negative ? '-' : ''}${currency}${whole}.${String(cents % 100n).padStart(2, '0')}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}

export function formatMinutes(minutes: number): string {
  return formatCount(minutes);
}

/** Durations as on the pages ("2m 40s", "1h 2m"; "—" for none): one formatter for both. */
export { formatGeneratedAt, formatSeconds } from '@/lib/charts/format';

/** Quantities are decimals in the usage type's unit: up to 2 places, trailing zeros dropped. */
export function formatQuantity(decimal: string): string {
  const n = Number(decimal);
  if (!Number.isFinite(n)) return decimal;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "09:00–10:00". */
export function formatHour(hour: number): string {
  const pad = (h: number) => String(h).padStart(2, '0');
  return `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
}

/** "Mar 1, 2026" from an instant, read in the zone: the pages' date format (lib/charts/format formatLocalDate). */
export function formatDate(instant: Date | string, timeZone: string): string {
  return formatLocalDate(localDateOf(new Date(instant), timeZone), true);
}

/** The last local date of a half-open range ends one instant before `to`. */
export function formatRangeDates(start: Date | string, end: Date | string, timeZone: string): string {
  const last = new Date(new Date(end).getTime() - 1);
  return `${formatDate(start, timeZone)} – ${formatDate(last, timeZone)}`;
}

/**
 * A report period's dates; one that has not ended says until when it runs:
 * "1 Dec 2026 – 2 Dec 2026 04:30 (to date)".
 */
export function formatReportRange(period: { start: string; end: string; timeZone: string; toDate: boolean }): string {
  if (!period.toDate) return formatRangeDates(period.start, period.end, period.timeZone);
  const until = new Intl.DateTimeFormat('en-GB', { timeZone: period.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(period.end));
  return `${formatDate(period.start, period.timeZone)} – ${formatDate(period.end, period.timeZone)} ${until} (to date)`;
}

/** A leaderboard row's name, as agents are named everywhere (lib/agents/label.ts). */
export { agentDisplayName as agentLabel } from '@/lib/agents/label';
