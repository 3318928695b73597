import { Prisma, type Db } from '@/lib/db';
import { assertGranularity, listBuckets, type Granularity } from './buckets';
import { callFilterCondition, type CallFilters } from './filters';
import { assertRange, type TimeRange } from './range';
import { scopeCondition, type AnalyticsScope } from './scope';
import { inRange } from './sql';

/** Calls of a bucket by outcome: completed, failed (failed, no answer, busy, canceled), ongoing (queued, ringing, in progress). */
export type CallsOverTimePoint = { key: string; start: Date; end: Date; partial: boolean; completed: number; failed: number; ongoing: number };

export type CallsOverTime = { range: TimeRange; granularity: Granularity; points: CallsOverTimePoint[] };

const SQL_UNIT: Record<Granularity, Prisma.Sql> = {
  hour: Prisma.sql`'YYYY-MM-DD"T"HH24'`,
  day: Prisma.sql`'YYYY-MM-DD'`,
  week: Prisma.sql`'YYYY-MM-DD'`,
  month: Prisma.sql`'YYYY-MM'`,
};
const TRUNC: Record<Granularity, Prisma.Sql> = { hour: Prisma.sql`'hour'`, day: Prisma.sql`'day'`, week: Prisma.sql`'week'`, month: Prisma.sql`'month'` };

/**
 * Calls started per local hour / day / ISO week / month of the range (METRICS.md "Calls
 * over time"), by outcome, every bucket present (zero-filled), partial buckets marked.
 * Read from the raw calls: local buckets of any width in any zone, filters included.
 */
export async function getCallsOverTime(db: Db, scope: AnalyticsScope, range: TimeRange, granularity: Granularity, filters: CallFilters = {}): Promise<CallsOverTime> {
  assertRange(range);
  assertGranularity(range, granularity);
  const local = Prisma.sql`(c.started_at AT TIME ZONE ${range.timeZone}::text)`;
  const rows = await db.$queryRaw<{ key: string; completed: number; failed: number; ongoing: number }[]>`
    SELECT to_char(date_trunc(${TRUNC[granularity]}, ${local}), ${SQL_UNIT[granularity]}) AS key,
           (count(*) FILTER (WHERE c.status = 'completed'))::int AS completed,
           (count(*) FILTER (WHERE c.status IN ('failed', 'no_answer', 'busy', 'canceled')))::int AS failed,
           (count(*) FILTER (WHERE c.status IN ('queued', 'ringing', 'in_progress')))::int AS ongoing
    FROM calls c
    WHERE ${scopeCondition(scope, 'c.workspace_id')}
      AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)}
      AND ${callFilterCondition(filters, range.timeZone)}
    GROUP BY 1`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return {
    range,
    granularity,
    points: listBuckets(range, granularity).map((bucket) => {
      const row = byKey.get(bucket.key);
      return { ...bucket, completed: row?.completed ?? 0, failed: row?.failed ?? 0, ongoing: row?.ongoing ?? 0 };
    }),
  };
}
