import type { CallsOverTime, Granularity } from '@/lib/analytics';
import { formatMonth } from '@/lib/admin/format';
import { formatCount, formatLocalDate } from './format';
import { partialNote } from './partial';

/** One stacked bar: calls of a bucket by outcome, its label, and whether the range covers only part of it. */
export type CallsOverTimeBar = {
  key: string;
  label: string;
  completed: number;
  failed: number;
  ongoing: number;
  total: number;
  /** "partial: 00:00–09:41" etc., or undefined for a whole bucket. */
  partial?: string;
};

function label(key: string, granularity: Granularity, withYear: boolean): string {
  if (granularity === 'hour') return `${key.slice(11, 13)}:00`;
  if (granularity === 'month') return formatMonth(key, true);
  const date = formatLocalDate(key, withYear);
  return granularity === 'week' ? `Wk of ${date}` : date;
}

/**
 * Prepare, then draw: the bars of the calls-over-time chart. A partial bucket says which
 * part of it the range covers ("partial: from 14:17", "partial: until 09:41"), so a short
 * first or last bar never passes for a real dip.
 */
export function callsOverTimeBars(series: CallsOverTime): CallsOverTimeBar[] {
  const { range, granularity, points } = series;
  const multiDay = granularity === 'hour' && points.length > 0 && points[0]!.key.slice(0, 10) !== points.at(-1)!.key.slice(0, 10);
  const withYear = points.length > 0 && points[0]!.key.slice(0, 4) !== points.at(-1)!.key.slice(0, 4);
  return points.map((point) => {
    const total = point.completed + point.failed + point.ongoing;
    const partial = point.partial ? partialNote(point, range, granularity !== 'hour') : undefined;
    const base = label(point.key, granularity, withYear);
    return {
      key: point.key,
      label: multiDay && point.key.endsWith('T00') ? `${formatLocalDate(point.key.slice(0, 10))} ${base}` : base,
      completed: point.completed,
      failed: point.failed,
      ongoing: point.ongoing,
      total,
      ...(partial ? { partial } : {}),
    };
  });
}

export function describeCallsOverTime(bars: readonly CallsOverTimeBar[], granularity: Granularity): string {
  const total = bars.reduce((sum, bar) => sum + bar.total, 0);
  if (total === 0) return 'Calls over time: no data';
  const partial = bars.filter((bar) => bar.partial).length;
  return `Calls over time, by ${granularity}: ${bars.length} ${granularity}s, ${formatCount(total)} calls${partial ? `, ${partial} partial` : ''}`;
}
