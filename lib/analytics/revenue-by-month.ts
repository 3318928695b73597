import { Prisma, type Db } from '@/lib/db';
import { assertRange, listLocalDates, localDateOf, startOfLocalDate, type TimeRange } from './range';
import { scopeCondition } from './scope';
import { money } from './sql';

export type RevenueMonth = {
  month: string;
  /** Paid or finalized billing periods starting in the month: the revenue. */
  revenue: string;
  /** Draft periods starting in the month: not final, shown apart (a month still open is not $0). */
  draft: string;
};

const PLATFORM = { platform: true } as const;

/**
 * The range from the first local day of the month `count - 1` months before `now`'s month
 * to `now`: "the last 12 months" of the admin chart, the current month included.
 */
export function lastCalendarMonths(count: number, timeZone: string, now: Date): TimeRange {
  const [year, month] = localDateOf(now, timeZone).split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - count, 1)).toISOString().slice(0, 10);
  return assertRange({ from: startOfLocalDate(first, timeZone), to: now, timeZone });
}

/**
 * Revenue per local calendar month (METRICS.md revenue: paid or finalized billing periods,
 * by period_start), one point per month overlapping the range, zero-filled.
 */
export async function getRevenueByMonth(db: Db, range: TimeRange): Promise<RevenueMonth[]> {
  assertRange(range);
  const rows = await db.$queryRaw<RevenueMonth[]>`
    SELECT b.month,
           ${money(Prisma.sql`sum(b.total_amount) FILTER (WHERE b.status <> 'draft')`)} AS revenue,
           ${money(Prisma.sql`sum(b.total_amount) FILTER (WHERE b.status = 'draft')`)} AS draft
    FROM (
      SELECT to_char(p.period_start AT TIME ZONE ${range.timeZone}::text, 'YYYY-MM') AS month, p.total_amount, p.status
      FROM billing_periods p
      WHERE ${scopeCondition(PLATFORM, 'workspace_id')} AND p.status IN ('paid', 'finalized', 'draft')
        AND p.period_start >= ${range.from}::timestamptz AND p.period_start < ${range.to}::timestamptz
    ) b
    GROUP BY b.month`;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const months = [...new Set(listLocalDates(range).map((date) => date.slice(0, 7)))];
  return months.map((month) => ({ month, revenue: byMonth.get(month)?.revenue ?? '0.000000', draft: byMonth.get(month)?.draft ?? '0.000000' }));
}
