import { Prisma, type Db } from '@/lib/db';
import { callTotalsSource } from './call-source';
import { assertRange, type TimeRange } from './range';
import { isUuid, type PlatformScope } from './scope';
import { money } from './sql';
import { usageSource } from './usage-source';

/** Calls started and billed spend (final_cost of usage records) of one workspace over a range. */
export type WorkspaceRangeTotals = { calls: number; spend: string };

const PLATFORM: PlatformScope = { platform: true };

/**
 * Calls and billed spend per workspace over one range, for the workspace list ("this
 * month" in the workspaces' shared zone). Only the workspaces named are read: the caller
 * passes the ids it is authorised for (listAccessibleWorkspaces), and a workspace with no
 * calls or usage gets zeros. No id (or one that is not a UUID) reads nothing.
 */
export async function getWorkspaceRangeTotals(db: Db, workspaceIds: readonly string[], range: TimeRange): Promise<Map<string, WorkspaceRangeTotals>> {
  assertRange(range);
  const ids = workspaceIds.filter(isUuid);
  const result = new Map<string, WorkspaceRangeTotals>(ids.map((id) => [id, { calls: 0, spend: '0.000000' }]));
  if (ids.length === 0) return result;
  const only = Prisma.sql`workspace_id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  const [calls, spend] = await Promise.all([
    db.$queryRaw<{ id: string; calls: number }[]>`
      SELECT s.workspace_id::text AS id, sum(s.calls)::int AS calls
      FROM ${callTotalsSource(PLATFORM, range.from, range.to, { workspace: only })} s
      GROUP BY s.workspace_id`,
    db.$queryRaw<{ id: string; spend: string }[]>`
      SELECT r.workspace_id::text AS id, ${money(Prisma.sql`sum(r.final_cost)`)} AS spend
      FROM ${usageSource(PLATFORM, range.from, range.to, only, { wholeHours: true })} r
      GROUP BY r.workspace_id`,
  ]);
  for (const row of calls) result.get(row.id)!.calls = row.calls;
  for (const row of spend) result.get(row.id)!.spend = row.spend;
  return result;
}
