import { InvalidParameterError, resolveRange, type TimeRange } from '@/lib/analytics';

/**
 * A report's range. A period that has not ended yet is reported "to date" (METRICS.md
 * "Reports"): it ends at `now`, so its daily series stop at today instead of running on
 * through zero-filled future days, and every title names it "to date".
 */
export type ReportRange = TimeRange & { toDate: boolean };

/**
 * Report periods: a calendar month or quarter in the workspace's zone (METRICS.md), one
 * that has at least begun: a report of the future has nothing in it and is refused.
 */
export function reportMonthRange(month: string, timeZone: string, now: Date): ReportRange {
  return toDate(resolveRange({ month }, timeZone, now), 'month', now);
}

export function reportQuarterRange(quarter: string, timeZone: string, now: Date): ReportRange {
  return toDate(resolveRange({ quarter: quarter.toUpperCase() }, timeZone, now), 'quarter', now);
}

function toDate(range: TimeRange, param: 'month' | 'quarter', now: Date): ReportRange {
  if (range.from.getTime() > now.getTime()) throw new InvalidParameterError(param, 'is in the future');
  if (range.to.getTime() > now.getTime()) return { ...range, to: now, toDate: true };
  return { ...range, toDate: false };
}

/** " (to date)" after the title of a period that has not ended, nothing otherwise. */
export function toDateSuffix(toDate: boolean): string {
  return toDate ? ' (to date)' : '';
}

/** The month (`YYYY-MM`) holding `now` in the zone, and the one before it. */
export function currentMonth(timeZone: string, now: Date): string {
  return localParts(now, timeZone).slice(0, 7);
}

/** The local date (`YYYY-MM-DD`) holding `now` in the zone. */
export function currentDate(timeZone: string, now: Date): string {
  return localParts(now, timeZone);
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
