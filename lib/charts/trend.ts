import { bucketKey, chooseGranularity, listBuckets, type Granularity } from '@/lib/analytics/buckets';
import { startOfLocalDate, type TimeRange } from '@/lib/analytics/range';
import { formatMonth } from '@/lib/admin/format';
import { formatCount, formatLocalDate, formatMoney } from './format';
import { partialNote } from './partial';
import type { ChartPoint } from './series';

/** What a trend card draws per point: days, ISO weeks or months (METRICS.md "Granularity"). */
export type TrendGranularity = Exclude<Granularity, 'hour'>;

/**
 * Trend cards follow the range as the calls-over-time chart does (lib/analytics/buckets):
 * daily up to 92 days, weekly beyond; their series are daily, so a short range stays daily
 * (where calls over time goes hourly). An explicit day/week/month wins; hour reads as day.
 */
export function trendGranularity(range: TimeRange, requested?: Granularity): TrendGranularity {
  const chosen = requested ?? chooseGranularity(range);
  return chosen === 'hour' ? 'day' : chosen;
}

/** The table's first column and a calls trend's title per granularity. */
export const TREND_HEADERS: Record<TrendGranularity, string> = { day: 'Date', week: 'Week', month: 'Month' };
export const TREND_TITLES: Record<TrendGranularity, string> = { day: 'Daily calls', week: 'Weekly calls', month: 'Monthly calls' };

const MICROS = 1_000_000n;

/** Exact sum of non-negative or negative decimal strings with up to 6 places (money never goes through a float sum). */
function addDecimal(a: string, b: string): string {
  const micros = (s: string) => {
    const negative = s.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? s.slice(1) : s).split('.');
    const value = BigInt(whole) * MICROS + BigInt((fraction + '000000').slice(0, 6));
    return negative ? -value : value;
  };
  const sum = micros(a) + micros(b);
  const abs = sum < 0n ? -sum : sum;
  return `${sum < 0n ? '-' : ''}${abs / MICROS}.${String(abs % MICROS).padStart(6, '0')}`;
}

function label(key: string, granularity: TrendGranularity, withYear: boolean): string {
  if (granularity === 'month') return formatMonth(key, true);
  const date = formatLocalDate(key, withYear);
  return granularity === 'week' ? `Wk of ${date}` : date;
}

/**
 * Prepare, then draw: a daily series (every local date of the range, as the analytics
 * return it) summed into the trend's buckets, each marked partial when the range covers
 * only part of it ("partial: from Mar 4 14:17", "partial: until 09:41"), so a short first
 * or last point never passes for a real dip. Counts add as integers, money exactly.
 */
export function trendPoints(range: TimeRange, daily: readonly { date: string; value: string | number }[], granularity: TrendGranularity): ChartPoint[] {
  const buckets = listBuckets(range, granularity);
  const sums = new Map<string, string | number>();
  for (const point of daily) {
    const key = bucketKey(startOfLocalDate(point.date, range.timeZone), granularity, range.timeZone);
    const before = sums.get(key);
    sums.set(key, before === undefined ? point.value : typeof point.value === 'number' ? (before as number) + point.value : addDecimal(before as string, point.value));
  }
  const money = daily.some((point) => typeof point.value === 'string');
  const withYear = buckets.length > 0 && buckets[0]!.key.slice(0, 4) !== buckets.at(-1)!.key.slice(0, 4);
  return buckets.map((bucket) => {
    const sum = sums.get(bucket.key) ?? (money ? '0.000000' : 0);
    const partial = bucket.partial ? partialNote(bucket, range, granularity !== 'day') : undefined;
    return {
      key: bucket.key,
      label: label(bucket.key, granularity, withYear),
      value: Number(sum),
      display: typeof sum === 'string' ? formatMoney(sum) : formatCount(sum),
      ...(partial ? { partial } : {}),
    };
  });
}
