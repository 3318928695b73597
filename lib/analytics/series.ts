import { listLocalDates, type TimeRange } from './range';

/** Complete series (METRICS.md): every local date of the range and all 24 hours, zero-filled. */

export function dailySeries<T>(range: TimeRange, values: ReadonlyMap<string, T>, zero: T): { date: string; value: T }[] {
  return listLocalDates(range).map((date) => ({ date, value: values.get(date) ?? zero }));
}

export function hourlySeries(counts: ReadonlyMap<number, number>): { hour: number; count: number }[] {
  return Array.from({ length: 24 }, (_, hour) => ({ hour, count: counts.get(hour) ?? 0 }));
}

/** 100 × part / whole, 0 when whole is 0 (success rate, sentiment shares). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

export type SentimentShares = { positive: number; neutral: number; negative: number };

export function sentimentShares(positive: number, neutral: number, negative: number): SentimentShares {
  const total = positive + neutral + negative;
  return { positive: percent(positive, total), neutral: percent(neutral, total), negative: percent(negative, total) };
}
