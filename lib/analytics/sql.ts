import { Prisma } from '@/lib/db';
import { TERMINAL_STATUSES } from './filters';

/** SQL fragments shared by the metric queries. Calls are always aliased `c`. */

/** `[from, to)` on a timestamptz column. */
export function inRange(column: Prisma.Sql, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`${column} >= ${from}::timestamptz AND ${column} < ${to}::timestamptz`;
}

export const TERMINAL = Prisma.sql`(${Prisma.join(TERMINAL_STATUSES.map((s) => Prisma.sql`${s}::call_status`))})`;

/**
 * Money leaves the database as an exact decimal string with 6 places ("0.300000"),
 * also when there is nothing to sum.
 */
export function money(sum: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`round(coalesce(${sum}, 0), 6)::text`;
}

/** Wall-clock date/hour of an instant in a zone; the zone is a bound parameter. */
export function localDate(column: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`(${column} AT TIME ZONE ${timeZone}::text)::date`;
}

export function localHour(column: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`extract(hour from ${column} AT TIME ZONE ${timeZone}::text)::int`;
}

/** A date column as `YYYY-MM-DD`, independent of the server's DateStyle. */
export function isoDate(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
}
