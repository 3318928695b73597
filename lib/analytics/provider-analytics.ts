import { Prisma, type Db } from '@/lib/db';
import { platformCallSource, platformUsageSource } from './call-source';
import { assertRange, type TimeRange } from './range';
import { dailySeries, percent } from './series';
import { inRange, isoDate, localDate, money, TERMINAL } from './sql';

export type ProviderAnalyticsRow = {
  provider: string;
  /** Calls in the range whose voice_provider_used is this provider. */
  totalCalls: number;
  completed: number;
  successRate: number;
  /** Mean of health-check avg_latency in the range (ms); null without checks. */
  avgLatency: number | null;
  /** percentile_cont(0.95) of the same values; null without checks. */
  p95Latency: number | null;
  /** What the provider charged the platform (usage total_cost). */
  totalCost: string;
  /** What the platform billed for it (usage final_cost). */
  totalRevenue: string;
  /** 100 × (revenue − cost) / revenue; null when revenue is 0. */
  profitMargin: number | null;
  /** Daily mean latency, every local date of the range; null on days without checks. */
  latencyTrend: { date: string; avgLatency: number | null }[];
};

/**
 * Per-provider figures, one row per provider seen in calls or usage in the range, by
 * provider name. Calls, usage and health checks are aggregated separately and joined by
 * provider, so a call with N usage lines counts once (seed defect 7).
 */
export async function getProviderAnalytics(db: Db, range: TimeRange): Promise<ProviderAnalyticsRow[]> {
  assertRange(range);
  const [rows, trend] = await Promise.all([
    db.$queryRaw<Row[]>`
      WITH calls_by AS (
        SELECT c.provider, sum(c.calls)::int AS calls,
               coalesce(sum(c.calls) FILTER (WHERE c.status = 'completed'), 0)::int AS completed,
               coalesce(sum(c.calls) FILTER (WHERE c.status IN ${TERMINAL}), 0)::int AS terminal
        FROM ${platformCallSource(range.from, range.to)} c
        WHERE c.provider IS NOT NULL
        GROUP BY 1
      ), usage_by AS (
        -- Platform usage rollup (whole UTC days), usage rollup (whole buckets), raw edges.
        SELECT u.provider, sum(u.total_cost) AS cost, sum(u.final_cost) AS revenue
        FROM ${platformUsageSource(range.from, range.to)} u
        GROUP BY 1
      ), health AS (
        SELECT h.provider, avg(h.avg_latency)::float8 AS avg_latency,
               (percentile_cont(0.95) WITHIN GROUP (ORDER BY h.avg_latency))::float8 AS p95_latency
        FROM provider_health_status h
        WHERE ${inRange(Prisma.sql`h.last_check`, range.from, range.to)} AND h.avg_latency IS NOT NULL
        GROUP BY 1
      )
      SELECT p.provider, coalesce(cb.calls, 0) AS calls, coalesce(cb.completed, 0) AS completed,
             coalesce(cb.terminal, 0) AS terminal, h.avg_latency, h.p95_latency,
             ${money(Prisma.sql`ub.cost`)} AS cost, ${money(Prisma.sql`ub.revenue`)} AS revenue,
             CASE WHEN coalesce(ub.revenue, 0) = 0 THEN NULL
                  ELSE (100 * (ub.revenue - ub.cost) / ub.revenue)::float8 END AS margin
      FROM (SELECT provider FROM calls_by UNION SELECT provider FROM usage_by) p
      LEFT JOIN calls_by cb ON cb.provider = p.provider
      LEFT JOIN usage_by ub ON ub.provider = p.provider
      LEFT JOIN health h ON h.provider = p.provider
      ORDER BY p.provider`,
    db.$queryRaw<{ provider: string; day: string; avg_latency: number }[]>`
      SELECT h.provider, ${isoDate(Prisma.sql`h.day`)} AS day, avg(h.avg_latency)::float8 AS avg_latency
      FROM (
        SELECT h.provider, h.avg_latency, ${localDate(Prisma.sql`h.last_check`, range.timeZone)} AS day
        FROM provider_health_status h
        WHERE ${inRange(Prisma.sql`h.last_check`, range.from, range.to)} AND h.avg_latency IS NOT NULL
      ) h
      GROUP BY h.provider, h.day`,
  ]);
  return rows.map((row) => {
    const days = new Map(trend.filter((point) => point.provider === row.provider).map((point) => [point.day, point.avg_latency]));
    return {
      provider: row.provider,
      totalCalls: row.calls,
      completed: row.completed,
      successRate: percent(row.completed, row.terminal),
      avgLatency: row.avg_latency,
      p95Latency: row.p95_latency,
      totalCost: row.cost,
      totalRevenue: row.revenue,
      profitMargin: row.margin,
      latencyTrend: dailySeries<number | null>(range, days, null).map(({ date, value }) => ({ date, avgLatency: value })),
    };
  });
}

type Row = {
  provider: string;
  calls: number;
  completed: number;
  terminal: number;
  avg_latency: number | null;
  p95_latency: number | null;
  cost: string;
  revenue: string;
  margin: number | null;
};
