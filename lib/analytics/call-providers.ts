import { Prisma, type Db } from '@/lib/db';
import { assertRange, type TimeRange } from './range';
import { scopeCondition, type WorkspaceScope } from './scope';
import { inRange } from './sql';

/** The voice providers the scope's calls in the range used, for the provider filter's options. */
export async function listCallProviders(db: Db, scope: WorkspaceScope, range: TimeRange): Promise<string[]> {
  assertRange(range);
  const rows = await db.$queryRaw<{ provider: string }[]>`
    SELECT DISTINCT c.voice_provider_used AS provider
    FROM calls c
    WHERE ${scopeCondition(scope, 'c.workspace_id')}
      AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)}
      AND c.voice_provider_used IS NOT NULL
    ORDER BY 1`;
  return rows.map((row) => row.provider);
}
