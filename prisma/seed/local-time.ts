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
