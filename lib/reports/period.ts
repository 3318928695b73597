import { InvalidParameterError, resolveRange, type TimeRange } from '@/lib/analytics';

/**
 * Report periods: a calendar month or quarter in the workspace's zone (METRICS.md), one
 * that has at least begun: a report of the future has nothing in it and is refused.
 */
export function reportMonthRange(month: string, timeZone: string, now: Date): TimeRange {
  return notInFuture(resolveRange({ month }, timeZone, now), 'month', now);
}

export function reportQuarterRange(quarter: string, timeZone: string, now: Date): TimeRange {
  return notInFuture(resolveRange({ quarter: quarter.toUpperCase() }, timeZone, now), 'quarter', now);
}

function notInFuture(range: TimeRange, param: 'month' | 'quarter', now: Date): TimeRange {
  if (range.from.getTime() > now.getTime()) throw new InvalidParameterError(param, 'is in the future');
  return range;
}

/** The month (`YYYY-MM`) holding `now` in the zone, and the one before it. */
export function currentMonth(timeZone: string, now: Date): string {
  return localParts(now, timeZone).slice(0, 7);
}

export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 2, 1));
  return date.toISOString().slice(0, 7);
}

export function quarterOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((m - 1) / 3) + 1}`;
}

export function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2026". */
export function monthTitle(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

/** "Q1 2026 (January – March)". */
export function quarterTitle(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return `Q${q} ${year} (${MONTH_NAMES[(q - 1) * 3]} – ${MONTH_NAMES[(q - 1) * 3 + 2]})`;
}

function localParts(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
