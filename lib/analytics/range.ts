import { TZDate } from '@date-fns/tz';
import { InvalidRangeError } from './errors';

/**
 * Time ranges (METRICS.md "Ranges and buckets"): half-open [from, to) instants, resolved
 * once, in the workspace's IANA time zone, from a preset, custom dates or a calendar
 * period. Pure: the clock only comes in through `now`.
 */

export const RANGE_PRESETS = ['day', 'week', 'month', 'year'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/**
 * Calendar presets of the admin console: revenue is monthly by nature, so its ranges are
 * whole local months (this_month: from the 1st to now, "to date").
 */
export const CALENDAR_PRESETS = ['last_month', 'this_month', 'last_3_months', 'last_12_months'] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

export type RangeSpec =
  | RangePreset
  | { period: RangePreset }
  /** Inclusive local dates, `YYYY-MM-DD`. */
  | { fromDate: string; toDate: string }
  /** Calendar month `YYYY-MM`. */
  | { month: string }
  /** Calendar quarter `YYYY-Qn`. */
  | { quarter: string }
  /** Inclusive calendar months `YYYY-MM`..`YYYY-MM`. */
  | { fromMonth: string; toMonth: string }
  | { calendar: CalendarPreset };

export type TimeRange = {
  /** Inclusive start instant. */
  from: Date;
  /** Exclusive end instant. */
  to: Date;
  /** IANA zone in which local dates and hours of this range are read. */
  timeZone: string;
};

const DAY_MS = 86_400_000;
const PRESET_DAYS: Record<Exclude<RangePreset, 'day'>, number> = { week: 7, month: 30, year: 365 };
/** Bounds the length of daily series a caller can ask for (ten years and a bit). */
export const MAX_RANGE_DAYS = 3700;

// Region/City names only: offset strings ("+05:30") and POSIX rules mean different
// things to ICU and to PostgreSQL, so they are refused rather than guessed at.
const ZONE_NAME = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+)$/;

/**
 * A bounded memo for pure zone arithmetic. Every dashboard request checks its zone and
 * walks the local dates of its range (a year: 365 of them, each several Intl calls inside
 * TZDate); under load that was a quarter of the server's CPU (a profile of `npm run bench
 * -- --only http`). The answers depend only on the arguments, so they are kept, up to
 * `limit` (then forgotten at once: inputs may come from URLs, memory must stay bounded).
 */
function memo<V>(limit: number): { get(key: string): V | undefined; set(key: string, value: V): V } {
  const values = new Map<string, V>();
  return {
    get: (key) => values.get(key),
    set(key, value) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: only bounds memory; any limit gives the same answers
      if (values.size >= limit) values.clear();
      values.set(key, value);
      return value;
    },
  };
}

const zoneChecks = memo<boolean>(1_000);

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || !ZONE_NAME.test(timeZone)) return false;
  const known = zoneChecks.get(timeZone);
  if (known !== undefined) return known;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return zoneChecks.set(timeZone, true);
  } catch {
    return zoneChecks.set(timeZone, false);
  }
}

export function assertTimeZone(timeZone: unknown): string {
  if (!isValidTimeZone(timeZone)) throw new InvalidRangeError('timeZone', `unknown IANA time zone ${JSON.stringify(timeZone)}`);
  return timeZone;
}

/** Checks a range handed to a metric function: real instants, from <= to, known zone. */
export function assertRange(range: TimeRange): TimeRange {
  assertTimeZone(range?.timeZone);
  if (!(range.from instanceof Date) || Number.isNaN(range.from.getTime())) throw new InvalidRangeError('from', 'not a valid instant');
  if (!(range.to instanceof Date) || Number.isNaN(range.to.getTime())) throw new InvalidRangeError('to', 'not a valid instant');
  if (range.to.getTime() < range.from.getTime()) throw new InvalidRangeError('to', 'is before from');
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new InvalidRangeError('to', `range longer than ${MAX_RANGE_DAYS} days`);
  }
  return range;
}

export function resolveRange(spec: RangeSpec, timeZone: string, now: Date): TimeRange {
  assertTimeZone(timeZone);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new InvalidRangeError('to', 'now is not a valid instant');
  const range = resolveBounds(spec, timeZone, now);
  return assertRange({ ...range, timeZone });
}

function resolveBounds(spec: RangeSpec, timeZone: string, now: Date): { from: Date; to: Date } {
  if (typeof spec === 'string' || (spec && typeof spec === 'object' && 'period' in spec)) {
    const preset = typeof spec === 'string' ? spec : spec.period;
    if (preset === 'day') return { from: startOfLocalDate(localDateOf(now, timeZone), timeZone), to: now };
    if (preset === 'week' || preset === 'month' || preset === 'year') {
      return { from: new Date(now.getTime() - PRESET_DAYS[preset] * DAY_MS), to: now };
    }
    throw new InvalidRangeError('period', `unknown period ${JSON.stringify(preset)}; expected one of ${RANGE_PRESETS.join(', ')}`);
  }
  if (spec && typeof spec === 'object' && 'fromDate' in spec) {
    const first = parseLocalDate(spec.fromDate, 'from');
    const last = parseLocalDate(spec.toDate, 'to');
    if (last < first) throw new InvalidRangeError('to', 'is before from');
    return { from: startOfLocalDate(first, timeZone), to: startOfLocalDate(addDays(last, 1), timeZone) };
  }
  if (spec && typeof spec === 'object' && 'month' in spec) {
    const match = typeof spec.month === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(spec.month) : null;
    if (!match || Number(match[1]) < 1900) throw new InvalidRangeError('month', `expected YYYY-MM, got ${JSON.stringify(spec.month)}`);
    return calendarMonths(Number(match[1]), Number(match[2]), 1, timeZone);
  }
  if (spec && typeof spec === 'object' && 'fromMonth' in spec) {
    const [fy, fm] = parseMonth(spec.fromMonth, 'from');
    const [ty, tm] = parseMonth(spec.toMonth, 'to');
    const count = (ty - fy) * 12 + (tm - fm) + 1;
    if (count < 1) throw new InvalidRangeError('to', 'is before from');
    return calendarMonths(fy, fm, count, timeZone);
  }
  if (spec && typeof spec === 'object' && 'calendar' in spec) {
    const [year, month] = localDateOf(now, timeZone).split('-').map(Number) as [number, number];
    if (spec.calendar === 'this_month') return { from: calendarMonths(year, month, 1, timeZone).from, to: now };
    const months = { last_month: 1, last_3_months: 3, last_12_months: 12 }[spec.calendar as Exclude<CalendarPreset, 'this_month'>];
    if (!months) throw new InvalidRangeError('period', `unknown period ${JSON.stringify(spec.calendar)}`);
    // Whole months ending with the last one: Date.UTC rolls month 0 and below back a year.
    const first = new Date(Date.UTC(year, month - 1 - months, 1));
    return calendarMonths(first.getUTCFullYear(), first.getUTCMonth() + 1, months, timeZone);
  }
  if (spec && typeof spec === 'object' && 'quarter' in spec) {
    const match = typeof spec.quarter === 'string' ? /^(\d{4})-Q([1-4])$/i.exec(spec.quarter) : null;
    if (!match || Number(match[1]) < 1900) throw new InvalidRangeError('quarter', `expected YYYY-Qn, got ${JSON.stringify(spec.quarter)}`);
    return calendarMonths(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 3, timeZone);
  }
  throw new InvalidRangeError('period', 'expected a preset, fromDate/toDate, month or quarter');
}

function calendarMonths(year: number, month: number, count: number, timeZone: string) {
  const first = isoDate(year, month, 1);
  const next = new Date(Date.UTC(year, month - 1 + count, 1));
  return { from: startOfLocalDate(first, timeZone), to: startOfLocalDate(next.toISOString().slice(0, 10), timeZone) };
}

/**
 * What "change vs previous" compares with (METRICS.md): the range of equal length that
 * ends where this one starts; except a range that starts at a local midnight and is
 * shorter than a day ("Today" so far), which compares with the same hours of the day
 * before: 00:00–09:41 today vs 00:00–09:41 yesterday, not the 9.7 hours before midnight,
 * which would make every normal morning look like a drop.
 */
export function previousRange(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  const today = localDateOf(range.from, range.timeZone);
  if (length > 0 && length < DAY_MS && startOfLocalDate(today, range.timeZone).getTime() === range.from.getTime()) {
    const yesterday = startOfLocalDate(addDays(today, -1), range.timeZone);
    return { from: yesterday, to: new Date(yesterday.getTime() + length), timeZone: range.timeZone };
  }
  return { from: new Date(range.from.getTime() - length), to: new Date(range.from), timeZone: range.timeZone };
}

/** Every local calendar date (`YYYY-MM-DD`) that overlaps the range, in order: the x axis of a daily series. */
export function listLocalDates(range: TimeRange): string[] {
  if (range.to.getTime() <= range.from.getTime()) return [];
  const first = localDateOf(range.from, range.timeZone);
  const last = localDateOf(new Date(range.to.getTime() - 1), range.timeZone);
  const key = `${first} ${last}`;
  const known = dateLists.get(key) ?? dateLists.set(key, calendarDates(first, last));
  // A copy: callers may change the list they get.
  return [...known];
}

const dateLists = memo<string[]>(1_000);

function calendarDates(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Wall-clock date of an instant in a zone. */
const localDates = memo<string>(100_000);

export function localDateOf(instant: Date, timeZone: string): string {
  const key = `${timeZone} ${instant.getTime()}`;
  const known = localDates.get(key);
  if (known !== undefined) return known;
  const local = new TZDate(instant.getTime(), timeZone);
  return localDates.set(key, isoDate(local.getFullYear(), local.getMonth() + 1, local.getDate()));
}

/**
 * First instant of a local date. TZDate resolves a midnight that a DST jump skips
 * (e.g. America/Santiago) to the first wall-clock time that exists that day.
 */
const dateStarts = memo<number>(100_000);

export function startOfLocalDate(date: string, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  const known = dateStarts.get(key);
  // A new Date each time: callers may change the one they get.
  if (known !== undefined) return new Date(known);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(dateStarts.set(key, new TZDate(year, month - 1, day, timeZone).getTime()));
}

function parseMonth(value: unknown, param: 'from' | 'to'): [number, number] {
  const match = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!match || Number(match[1]) < 1900) throw new InvalidRangeError(param, `expected a month YYYY-MM, got ${JSON.stringify(value)}`);
  return [Number(match[1]), Number(match[2])];
}

function parseLocalDate(value: unknown, param: 'from' | 'to'): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const calendar = new Date(Date.UTC(year, month - 1, day));
    // Rejects 2026-02-30 and friends, which Date.UTC would silently roll over.
    if (year >= 1900 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day) return value as string;
  }
  throw new InvalidRangeError(param, `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
