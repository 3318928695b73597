import { localDateOf, startOfLocalDate } from '@/lib/analytics/range';

/** A calendar month as `year * 12 + month0`, so months add and subtract as integers. */
export type MonthIndex = number;

export function parseMonth(month: string): MonthIndex {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`expected a month YYYY-MM, got ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthLabel(index: MonthIndex): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The local calendar month an instant falls in. */
export function localMonthOf(instant: Date, timeZone: string): MonthIndex {
  return parseMonth(localDateOf(instant, timeZone).slice(0, 7));
}

/** Local midnight of the 1st of the month, as an instant. */
export function localMonthStart(index: MonthIndex, timeZone: string): Date {
  return startOfLocalDate(`${monthLabel(index)}-01`, timeZone);
}

/** `[local midnight of the 1st, local midnight of the next 1st)`. */
export function localMonthRange(index: MonthIndex, timeZone: string): { start: Date; end: Date } {
  return { start: localMonthStart(index, timeZone), end: localMonthStart(index + 1, timeZone) };
}
