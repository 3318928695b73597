// Wall-clock ↔ UTC for the demo data, through Intl (the platform's own tz database).

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at the given instant (e.g. +345 for Asia/Kathmandu). */
export function offsetMinutes(timeZone: string, utcMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, f);
  }
  const name = f.formatToParts(utcMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** A local calendar day as days since 1970-01-01 (the local date of an instant). */
export function localDayNumber(timeZone: string, utcMs: number): number {
  return Math.floor((utcMs + offsetMinutes(timeZone, utcMs) * 60_000) / 86_400_000);
}

/** The instant of a wall-clock time (seconds into local day `day`), using that day's noon offset. */
export function localToUtc(day: number, secondOfDay: number, noonOffsetMinutes: number): number {
  return day * 86_400_000 + secondOfDay * 1000 - noonOffsetMinutes * 60_000;
}

/** The instant local midnight starts the 1st of a month (`monthIndex` = year * 12 + month0). */
export function localMonthStart(timeZone: string, monthIndex: number): number {
  const wall = Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1);
  // Two passes: the offset at the guessed instant, then at the instant it gives.
  const guess = wall - offsetMinutes(timeZone, wall) * 60_000;
  return wall - offsetMinutes(timeZone, guess) * 60_000;
}

export function monthLabel(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** The local calendar month (`year * 12 + month0`) an instant falls in. */
export function localMonthIndex(timeZone: string, utcMs: number): number {
  const local = new Date(utcMs + offsetMinutes(timeZone, utcMs) * 60_000);
  return local.getUTCFullYear() * 12 + local.getUTCMonth();
}

/**
 * Finds the local month of instants that arrive in (nearly) increasing order, with exact
 * month boundaries, without an Intl call per instant.
 */
export function localMonthLocator(timeZone: string, fromMs: number): (utcMs: number) => string {
  let month = localMonthIndex(timeZone, fromMs) - 1;
  let start = localMonthStart(timeZone, month);
  let next = localMonthStart(timeZone, month + 1);
  return (utcMs) => {
    if (utcMs < start || utcMs >= next) {
      month = localMonthIndex(timeZone, utcMs);
      start = localMonthStart(timeZone, month);
      next = localMonthStart(timeZone, month + 1);
    }
    return monthLabel(month);
  };
}
