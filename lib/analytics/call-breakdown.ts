import { Prisma, type Db } from '@/lib/db';
import { callFilterCondition, type CallFilters } from './filters';
import { assertRange, type TimeRange } from './range';
import { scopeCondition, type WorkspaceScope } from './scope';
import { inRange } from './sql';

/** Dimensions the call breakdown groups by, each a fixed column (never an interpolated name). */
const COLUMNS = {
  sentiment: Prisma.sql`c.sentiment::text`,
  provider: Prisma.sql`c.voice_provider_used`,
} as const;
export type BreakdownDimension = keyof typeof COLUMNS;

export type CallBreakdownRow = {
  /** null: calls without a sentiment / without a voice provider. */
  value: string | null;
  calls: number;
};

/**
 * Calls per sentiment or per voice provider among the filtered calls in the range: the
 * calls page's sentiment and provider charts. Ordered by calls desc, then value (null last).
 */
export async function getCallBreakdown(db: Db, scope: WorkspaceScope, range: TimeRange, dimension: BreakdownDimension, filters: CallFilters = {}): Promise<CallBreakdownRow[]> {
  assertRange(range);
  const column = COLUMNS[dimension];
  if (!column) throw new Error(`unknown breakdown ${String(dimension)}`);
  const rows = await db.$queryRaw<CallBreakdownRow[]>`
    SELECT ${column} AS value, count(*)::int AS calls
    FROM calls c
    WHERE ${scopeCondition(scope, 'c.workspace_id')}
      AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)}
      AND ${callFilterCondition(filters, range.timeZone)}
    GROUP BY 1
    -- Byte order for ties: the same on PGlite and on a PostgreSQL with any default collation.
    ORDER BY 2 DESC, ${column} COLLATE "C" ASC NULLS LAST`;
  return rows;
}
