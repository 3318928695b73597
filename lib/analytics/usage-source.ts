import { Prisma } from '@/lib/db';
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

/**
 * The usage records of a scope created in `[from, to)`, as a subquery (alias it) with the
 * columns `workspace_id, t, provider, usage_type, quantity, total_cost, final_cost`, read
 * from wherever is cheapest while giving exactly the same sums per any grouping of those
 * columns as the raw rows would:
 *
 * - the whole 15-minute buckets inside the range from `usage_rollups` (one row per
 *   workspace, bucket, provider and usage type; `t` is the bucket start),
 * - the partial buckets at either end, `[from, ceil(from))` and `[floor(to), to)`, from
 *   `usage_records` itself (`t` is created_at).
 *
 * Local dates and hours of `t` equal those of every instant in its bucket, since every
 * zone offset is a multiple of 15 minutes. `workspace` optionally narrows further; it is
 * written against an unqualified `workspace_id` column.
 */
export function usageSource(scope: AnalyticsScope, from: Date, to: Date, workspace: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const where = Prisma.sql`${scopeCondition(scope, 'workspace_id')} AND ${workspace}`;
  const raw = (start: Date, end: Date) => Prisma.sql`
    SELECT workspace_id, created_at AS t, provider, usage_type, quantity, total_cost, final_cost
    FROM usage_records
    WHERE ${where} AND created_at >= ${start}::timestamptz AND created_at < ${end}::timestamptz`;
  const wholeFrom = ceilToBucket(from);
  const wholeTo = floorToBucket(to);
  if (!rollupsEnabled()) return Prisma.sql`(${raw(from, to)})`;
  // No whole bucket inside the range: the raw rows are all there is to read.
  if (wholeFrom.getTime() >= wholeTo.getTime()) return Prisma.sql`(${raw(from, to)})`;

  const parts = [
    Prisma.sql`
    SELECT workspace_id, bucket_start AS t, provider, usage_type, quantity, total_cost, final_cost
    FROM usage_rollups
    WHERE ${where} AND bucket_start >= ${wholeFrom}::timestamptz AND bucket_start < ${wholeTo}::timestamptz`,
  ];
  if (from.getTime() < wholeFrom.getTime()) parts.push(raw(from, wholeFrom));
  if (wholeTo.getTime() < to.getTime()) parts.push(raw(wholeTo, to));
  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')})`;
}
