import { Prisma } from '@/lib/db';
import { listLocalDates, startOfLocalDate, type TimeRange } from './range';
import { rollupsEnabled } from './rollup-mode';
import { scopeCondition, type AnalyticsScope } from './scope';

/** usage_rollups' bucket width: 15 minutes, so local days and hours stay exact in :30/:45 zones. */
export const BUCKET_MS = 15 * 60_000;

/** Start of the 15-minute UTC bucket an instant falls in (the buckets are aligned to the epoch). */
export function floorToBucket(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / BUCKET_MS) * BUCKET_MS);
}

export function ceilToBucket(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / BUCKET_MS) * BUCKET_MS);
}

/** usage_hour_rollups' width: a UTC hour. */
const HOUR_MS = 3_600_000;

/**
 * Whether every local day of the range starts on a whole UTC hour: then each hour lies in
 * one local day, and figures grouped by local day may read usage_hour_rollups. True for
 * every zone whose offsets in the range are whole hours; false e.g. in Asia/Kolkata (+5:30),
 * Asia/Kathmandu (+5:45) or Australia/Lord_Howe in its +10:30 months.
 */
export function localDaysOnWholeHours(range: TimeRange): boolean {
  return listLocalDates(range).every((date) => startOfLocalDate(date, range.timeZone).getTime() % HOUR_MS === 0);
}

/**
 * The usage records of a scope created in `[from, to)`, as a subquery (alias it) with the
 * columns `workspace_id, t, provider, usage_type, quantity, total_cost, final_cost`, read
 * from wherever is cheapest while giving exactly the same sums per any grouping of those
 * columns as the raw rows would:
 *
 * - with `wholeHours`, the whole UTC hours inside the range from `usage_hour_rollups`
 *   (`t` is the hour's start), four times fewer rows than quarter hours;
 * - the other whole 15-minute buckets inside the range from `usage_rollups` (one row per
 *   workspace, bucket, provider and usage type; `t` is the bucket start),
 * - the partial buckets at either end, `[from, ceil(from))` and `[floor(to), to)`, from
 *   `usage_records` itself (`t` is created_at).
 *
 * Local dates and hours of `t` equal those of every instant in its bucket, since every
 * zone offset is a multiple of 15 minutes. Pass `wholeHours` only when the caller groups
 * by nothing finer than what whole UTC hours keep exact: no time at all (totals), or local
 * days of a range for which localDaysOnWholeHours holds. `workspace` optionally narrows
 * further; it is written against an unqualified `workspace_id` column.
 */
export function usageSource(scope: AnalyticsScope, from: Date, to: Date, workspace: Prisma.Sql = Prisma.sql`TRUE`, options: { wholeHours?: boolean } = {}): Prisma.Sql {
  const where = Prisma.sql`${scopeCondition(scope, 'workspace_id')} AND ${workspace}`;
  const raw = (start: Date, end: Date) => Prisma.sql`
    SELECT workspace_id, created_at AS t, provider, usage_type, quantity, total_cost, final_cost
    FROM usage_records
    WHERE ${where} AND created_at >= ${start}::timestamptz AND created_at < ${end}::timestamptz`;
  const rollup = (table: 'usage_rollups' | 'usage_hour_rollups', start: Date, end: Date) => {
    const column = Prisma.raw(table === 'usage_rollups' ? 'bucket_start' : 'hour_start');
    return Prisma.sql`
    SELECT workspace_id, ${column} AS t, provider, usage_type, quantity, total_cost, final_cost
    FROM ${Prisma.raw(table)}
    WHERE ${where} AND ${column} >= ${start}::timestamptz AND ${column} < ${end}::timestamptz`;
  };
  const wholeFrom = ceilToBucket(from);
  const wholeTo = floorToBucket(to);
  if (!rollupsEnabled()) return Prisma.sql`(${raw(from, to)})`;
  // No whole bucket inside the range: the raw rows are all there is to read.
  // Stryker disable next-line EqualityOperator: with wholeFrom = wholeTo the general path reads an empty rollup span and the same raw rows
  if (wholeFrom.getTime() >= wholeTo.getTime()) return Prisma.sql`(${raw(from, to)})`;

  const parts: Prisma.Sql[] = [];
  const hourFrom = new Date(Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS);
  const hourTo = new Date(Math.floor(to.getTime() / HOUR_MS) * HOUR_MS);
  // Stryker disable next-line EqualityOperator: with hourFrom = hourTo the hour span is empty and the quarters cover the same span
  if (options.wholeHours && hourFrom.getTime() < hourTo.getTime()) {
    // Hours are on the buckets' grid, so wholeFrom ≤ hourFrom < hourTo ≤ wholeTo.
    parts.push(rollup('usage_hour_rollups', hourFrom, hourTo));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the two are equal the span [t, t) is empty, so reading it or not is the same (these guards only save an empty subquery)
    if (wholeFrom.getTime() < hourFrom.getTime()) parts.push(rollup('usage_rollups', wholeFrom, hourFrom));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the same empty-span guard as above
    if (hourTo.getTime() < wholeTo.getTime()) parts.push(rollup('usage_rollups', hourTo, wholeTo));
  } else {
    parts.push(rollup('usage_rollups', wholeFrom, wholeTo));
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the two are equal the span [t, t) is empty, so reading it or not is the same (these guards only save an empty subquery)
  if (from.getTime() < wholeFrom.getTime()) parts.push(raw(from, wholeFrom));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the same empty-span guard as above
  if (wholeTo.getTime() < to.getTime()) parts.push(raw(wholeTo, to));
  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')})`;
}
