import { Prisma, type Db } from '@/lib/db';
import { scopeCondition } from '@/lib/analytics';
import { money } from '@/lib/analytics/sql';

export type PlatformStateAt = {
  at: Date;
  /** Workspaces created before `at`. */
  totalWorkspaces: number;
  /** Workspaces whose subscription was active at `at`. */
  activeWorkspaces: number;
  mrr: string;
  arr: string;
};

const PLATFORM = { platform: true } as const;

/**
 * The platform's workspace count, active workspaces, MRR and ARR as they were at an
 * instant: the baseline of the admin KPI cards' "change" for figures that are current
 * state rather than range sums.
 *
 * Read from subscription_history (docs/METRICS.md "MRR at an instant"): each workspace's
 * state is the one its last change strictly before `at` left it in; MRR is the sum of
 * those changes' MRR after (monthly-normalised fees of active workspaces). For `at` = now
 * this is the overview's active count and MRR.
 */
export async function getPlatformStateAt(db: Db, at: Date): Promise<PlatformStateAt> {
  const [row] = await db.$queryRaw<{ total: number; active: number; mrr: string; arr: string }[]>`
    WITH last AS (
      SELECT DISTINCT ON (h.workspace_id) h.workspace_id, h.to_status, h.mrr_after
      FROM subscription_history h
      WHERE h.occurred_at < ${at}::timestamptz
      ORDER BY h.workspace_id, h.occurred_at DESC, h.created_at DESC, h.id DESC
    )
    SELECT (SELECT count(*) FROM workspaces w WHERE w.created_at < ${at}::timestamptz AND ${scopeCondition(PLATFORM, 'w.id')})::int AS total,
           (count(*) FILTER (WHERE last.to_status = 'active'))::int AS active,
           ${money(Prisma.sql`sum(last.mrr_after)`)} AS mrr,
           ${money(Prisma.sql`12 * sum(last.mrr_after)`)} AS arr
    FROM last`;
  return { at, totalWorkspaces: row!.total, activeWorkspaces: row!.active, mrr: row!.mrr, arr: row!.arr };
}
