import { TZDate } from '@date-fns/tz';
import { InvalidParameterError } from './errors';
import { listLocalDates, localDateOf, startOfLocalDate, type TimeRange } from './range';

/**
 * Time buckets of a series (METRICS.md "Granularity"): local hours, days, ISO weeks
 * (Monday) or months in the range's zone. Pure: the clock comes in through the range.
 */
export const GRANULARITIES = ['hour', 'day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const DAY_MS = 86_400_000;
/** More hourly points than this is unreadable and slow: ask for days instead. */
export const MAX_HOURLY_DAYS = 31;

/** Hourly up to two days (Today, a custom day), daily up to 92 days, weekly beyond. */
export function chooseGranularity(range: TimeRange): Granularity {
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  if (days <= 2) return 'hour';
  if (days <= 92) return 'day';
  return 'week';
}

export function assertGranularity(range: TimeRange, granularity: Granularity): Granularity {
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) throw new InvalidParameterError('granularity', `must be one of ${GRANULARITIES.join(', ')}`);
  if (granularity === 'hour' && range.to.getTime() - range.from.getTime() > MAX_HOURLY_DAYS * DAY_MS) {
    throw new InvalidParameterError('granularity', `hour is available for ranges of up to ${MAX_HOURLY_DAYS} days`);
  }
  return granularity;
}

export type Bucket = {
  /** "2026-03-05T14" (hour), "2026-03-05" (day), the Monday "2026-03-02" (week), "2026-03" (month). */
  key: string;
  /** First instant of the bucket, and the first of the next (clipped to nothing: whole bucket). */
  start: Date;
  end: Date;
  /**
   * The range covers only part of it: the first bucket of a range starting mid-bucket, the
   * last of one ending mid-bucket (today so far). Drawn hatched, said in tooltip and table.
   */
  partial: boolean;
};

/** Every bucket that overlaps the range, in order, with its partial flag. */
export function listBuckets(range: TimeRange, granularity: Granularity): Bucket[] {
  if (range.to.getTime() <= range.from.getTime()) return [];
  const { timeZone } = range;
  const starts: Date[] = [];
  if (granularity === 'hour') {
    // Walk the local wall hours: the instant of each local hour's start; DST-safe because
    // every zone's offset is a multiple of 15 minutes and changes on a quarter hour.
    // A local hour that happens twice (DST ends) is one bucket, as the SQL groups by wall clock.
    let t = hourStart(range.from, timeZone);
    while (t.getTime() < range.to.getTime()) {
      const last = starts.at(-1);
      if (!last || bucketKey(last, 'hour', timeZone) !== bucketKey(t, 'hour', timeZone)) starts.push(t);
      t = hourStart(new Date(t.getTime() + 3_600_000 + 15 * 60_000), timeZone);
    }
  } else {
    const seen = new Set<string>();
    for (const date of listLocalDates(range)) {
      const key = bucketKeyOfDate(date, granularity);
      if (seen.has(key)) continue;
      seen.add(key);
      starts.push(startOfLocalDate(granularity === 'month' ? `${key}-01` : key, timeZone));
    }
  }
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : nextStart(start, granularity, timeZone);
    return {
      key: bucketKey(start, granularity, timeZone),
      start,
      end,
      partial: start.getTime() < range.from.getTime() || end.getTime() > range.to.getTime(),
    };
  });
}

/** The bucket key of an instant, as the SQL side computes it from the local wall clock. */
export function bucketKey(instant: Date, granularity: Granularity, timeZone: string): string {
  const date = localDateOf(instant, timeZone);
  if (granularity === 'hour') return `${date}T${String(new TZDate(instant.getTime(), timeZone).getHours()).padStart(2, '0')}`;
  return bucketKeyOfDate(date, granularity);
}

function bucketKeyOfDate(date: string, granularity: Exclude<Granularity, 'hour'>): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return date.slice(0, 7);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  utc.setUTCDate(utc.getUTCDate() - ((utc.getUTCDay() + 6) % 7)); // back to Monday
  return utc.toISOString().slice(0, 10);
}

function hourStart(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(instant.getTime() - (local.getMinutes() * 60_000 + local.getSeconds() * 1000 + local.getMilliseconds()));
}

function nextStart(start: Date, granularity: Granularity, timeZone: string): Date {
  if (granularity === 'hour') return hourStart(new Date(start.getTime() + 3_600_000 + 15 * 60_000), timeZone);
  const [y, m, d] = localDateOf(start, timeZone).split('-').map(Number) as [number, number, number];
  const next = granularity === 'day' ? new Date(Date.UTC(y, m - 1, d + 1)) : granularity === 'week' ? new Date(Date.UTC(y, m - 1, d + 7)) : new Date(Date.UTC(y, m, 1));
  return startOfLocalDate(next.toISOString().slice(0, 10), timeZone);
}
