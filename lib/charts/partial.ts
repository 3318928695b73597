// Not the analytics index: this runs in client components too, and the index reaches the database.
import { localDateOf, type TimeRange } from '@/lib/analytics/range';
import { formatLocalDate } from './format';

const time = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/**
 * What part of a bucket the range covers, said in the tooltip and the table of a partial
 * bucket: "partial: from 14:17", "partial: until Mar 5 09:41", "partial: 08:00–09:41".
 * `withDate` adds the local date (buckets longer than the hour or day it would name).
 */
export function partialNote(bucket: { start: Date; end: Date }, range: TimeRange, withDate: boolean): string {
  const startsLate = bucket.start.getTime() < range.from.getTime();
  const endsEarly = bucket.end.getTime() > range.to.getTime();
  const at = (instant: Date) => (withDate ? `${formatLocalDate(localDateOf(instant, range.timeZone))} ` : '') + time(instant, range.timeZone);
  if (startsLate && endsEarly) return `partial: ${at(range.from)}–${at(range.to)}`;
  return startsLate ? `partial: from ${at(range.from)}` : `partial: until ${at(range.to)}`;
}
