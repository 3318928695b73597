/**
 * Display formatting for dashboard figures. Pure and locale-pinned (en-US) so that the
 * server render and the browser's hydration print the same text. APIs return figures
 * unrounded; rounding happens here, for display only.
 */

const LOCALE = 'en-US';

const moneyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * "1234.567800" → "$1,234.57". Money arrives as an exact decimal string; it is rounded
 * half-up on the string itself (never summed or scaled as a float), then grouped by Intl.
 */
export function formatMoney(value: string): string {
  if (!DECIMAL.test(value)) return '—';
  return moneyFormat.format(Number(roundDecimal(value, 2)));
}

/** Rounds a decimal string half away from zero to `places` decimals, exactly, as a string. */
export function roundDecimal(value: string, places: number): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const scaled = BigInt(whole + fraction.padEnd(places + 1, '0').slice(0, places + 1));
  let units = scaled / BigInt(10);
  if (scaled % BigInt(10) >= BigInt(5)) units += BigInt(1);
  const digits = units.toString().padStart(places + 1, '0');
  const body = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative && units !== BigInt(0) ? `-${body}` : body;
}

/** Compares two decimal strings exactly: negative, 0 or positive, as Array.sort wants. */
export function compareDecimal(a: string, b: string): number {
  const width = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const scaled = (v: string) => {
    const [whole = '0', fraction = ''] = v.split('.');
    return BigInt(whole + fraction.padEnd(width, '0')); // the sign of `whole` covers the fraction too
  };
  const difference = scaled(a) - scaled(b);
  return difference > BigInt(0) ? 1 : difference < BigInt(0) ? -1 : 0;
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 87.456 → "87.5%". */
export function formatPercent(value: number): string {
  return `${oneDecimal.format(value)}%`;
}

/** Minutes, rounded to whole minutes above 100, else to one decimal. */
export function formatMinutes(value: number): string {
  return value >= 100 ? countFormat.format(value) : oneDecimal.format(value);
}

/**
 * The one duration format (pages, tables, PDFs, Markdown): whole seconds, "45s" under a
 * minute, "2m 40s" under an hour ("1m 0s" keeps both units so a column reads alike),
 * "1h 2m" from an hour on (seconds dropped). 0 → "0s"; null (no duration) → "—".
 */
export function formatSeconds(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const total = Math.max(0, Math.round(value));
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m ${total % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/**
 * A figure that has no data (a success rate of zero ended calls, a mean over no calls) is
 * "—", never a 0.0 % or 0 ms that reads as a real value. `over` is how many calls it is over.
 */
export function whenData(over: number, text: string): string {
  return over > 0 ? text : '—';
}

/** Milliseconds → "840 ms" / "1.2 s". */
export function formatMilliseconds(value: number): string {
  return value >= 1000 ? `${oneDecimal.format(value / 1000)} s` : `${countFormat.format(value)} ms`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local date "2025-03-05" → "Mar 5" (or "Mar 5, 2025" with the year). Never via Date: no zone shift. */
export function formatLocalDate(date: string, withYear = false): string {
  const [year, month, day] = date.split('-');
  const label = `${MONTHS[Number(month) - 1] ?? month} ${Number(day)}`;
  return withYear ? `${label}, ${year}` : label;
}

/** Local hour 0..23 → "14:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** An instant as wall-clock time in the workspace's zone: "Mar 5, 14:07". */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** When a document was made, in UTC with the year, for PDF footers: "Dec 2, 2026, 05:11 UTC". */
export function formatGeneratedAt(at: Date): string {
  return `${new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)} UTC`;
}

/** "no_answer" → "No answer". */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
