import { Prisma, type Db } from '@/lib/db';
import { getPlatformOverview, scopeCondition, type PlatformOverview, type TimeRange } from '@/lib/analytics';
import { inRange, money } from '@/lib/analytics/sql';
import { getPlatformStateAt, type PlatformStateAt } from './platform-state-at';

export type AdminOverview = PlatformOverview & {
  /** Draft billing periods starting in the range: not revenue yet, shown apart as "not final". */
  draftRevenue: string;
  /** Workspaces, active, MRR and ARR at the range's start: the baseline of their change. */
  atStart: PlatformStateAt;
};

const PLATFORM = { platform: true } as const;

/**
 * The admin console's headline figures for a range (page and GET /api/admin/overview).
 * The "current state" figures (workspaces, active, MRR, ARR) are read at the range's end
 * from the subscription history, so last month's view shows last month's MRR, not
 * today's; for a range ending now this is the live state.
 */
export async function getAdminOverview(db: Db, range: TimeRange): Promise<AdminOverview> {
  const [overview, atStart, atEnd, [draft]] = await Promise.all([
    getPlatformOverview(db, range),
    getPlatformStateAt(db, range.from),
    getPlatformStateAt(db, range.to),
    db.$queryRaw<{ amount: string }[]>`
      SELECT ${money(Prisma.sql`sum(b.total_amount)`)} AS amount
      FROM billing_periods b
      WHERE ${scopeCondition(PLATFORM, 'b.workspace_id')} AND b.status = 'draft'
        AND ${inRange(Prisma.sql`b.period_start`, range.from, range.to)}`,
  ]);
  return {
    ...overview,
    totalWorkspaces: atEnd.totalWorkspaces,
    activeWorkspaces: atEnd.activeWorkspaces,
    mrr: atEnd.mrr,
    arr: atEnd.arr,
    draftRevenue: draft!.amount,
    atStart,
  };
}
