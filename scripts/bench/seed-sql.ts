import { Prisma, type Db } from '@/lib/db';

/**
 * The seed's AnalyticsEngine SQL (seed section 7.5), ported faithfully from D1 to
 * PostgreSQL for comparison only: same queries, same joins, same sequential awaits,
 * defects included. Epoch-millisecond comparisons become timestamptz comparisons,
 * DATE(x/1000,'unixepoch') becomes the UTC date, json_extract becomes ->>.
 * Never use this outside the bench.
 */

export async function seedWorkspaceOverview(db: Db, workspaceId: string, start: Date, end: Date): Promise<void> {
  await db.$queryRaw`
    SELECT COUNT(*) as total,
      SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) as completed,
      SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) as failed,
      AVG(duration_seconds) as avg_duration, SUM(duration_seconds) as total_seconds
    FROM calls WHERE workspace_id = ${workspaceId}::uuid AND started_at >= ${start} AND started_at <= ${end}`;
  await db.$queryRaw`
    SELECT provider, SUM(final_cost) as cost FROM usage_records
    WHERE workspace_id = ${workspaceId}::uuid AND created_at >= ${start} AND created_at <= ${end}
    GROUP BY provider`;
  await seedCostTrend(db, workspaceId, start, end);
  await db.$queryRaw`
    SELECT sentiment, COUNT(*) as count FROM calls
    WHERE workspace_id = ${workspaceId}::uuid AND started_at >= ${start} AND started_at <= ${end} AND sentiment IS NOT NULL
    GROUP BY sentiment`;
}

async function seedCostTrend(db: Db, workspaceId: string, start: Date, end: Date): Promise<void> {
  await db.$queryRaw`
    SELECT date(created_at AT TIME ZONE 'UTC') as date, SUM(final_cost) as cost FROM usage_records
    WHERE workspace_id = ${workspaceId}::uuid AND created_at >= ${start} AND created_at <= ${end}
    GROUP BY 1 ORDER BY 1`;
}

/** With the seed's own filter set: only the date filters (the others did not reach the breakdowns). */
export async function seedCallAnalytics(db: Db, workspaceId: string, start: Date, end: Date): Promise<void> {
  const window = Prisma.sql`started_at >= ${start} AND started_at <= ${end}`;
  await db.$queryRaw`
    SELECT COUNT(*) as total_calls, AVG(duration_seconds) as avg_duration,
      MAX(duration_seconds) as longest_call, MIN(duration_seconds) as shortest_call
    FROM calls WHERE workspace_id = ${workspaceId}::uuid AND ${window}`;
  await db.$queryRaw`SELECT status, COUNT(*) as count FROM calls WHERE workspace_id = ${workspaceId}::uuid AND ${window} GROUP BY status`;
  await db.$queryRaw`SELECT direction, COUNT(*) as count FROM calls WHERE workspace_id = ${workspaceId}::uuid AND ${window} GROUP BY direction`;
  await db.$queryRaw`
    SELECT c.agent_id, a.name as agent_name, COUNT(*) as count
    FROM calls c JOIN voice_agents a ON c.agent_id = a.id
    WHERE c.workspace_id = ${workspaceId}::uuid AND c.started_at >= ${start} AND c.started_at <= ${end}
    GROUP BY c.agent_id, a.name ORDER BY count DESC`;
  await db.$queryRaw`
    SELECT extract(hour from started_at AT TIME ZONE 'UTC')::int as hour, COUNT(*) as count
    FROM calls WHERE workspace_id = ${workspaceId}::uuid AND ${window} GROUP BY 1 ORDER BY 1`;
}

export async function seedAgentPerformance(db: Db, agentId: string, start: Date, end: Date): Promise<void> {
  const window = Prisma.sql`agent_id = ${agentId}::uuid AND started_at >= ${start} AND started_at <= ${end}`;
  await db.$queryRaw`
    SELECT COUNT(*) as total_calls, SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) as completed,
      AVG(duration_seconds) as avg_duration, SUM(duration_seconds) as total_seconds
    FROM calls WHERE ${window}`;
  await db.$queryRaw`SELECT sentiment, COUNT(*) as count FROM calls WHERE ${window} AND sentiment IS NOT NULL GROUP BY sentiment`;
  await db.$queryRaw`
    SELECT metadata->>'intent' as intent, COUNT(*) as count FROM calls
    WHERE ${window} AND metadata->>'intent' IS NOT NULL
    GROUP BY 1 ORDER BY count DESC LIMIT 5`;
  await db.$queryRaw`
    SELECT date(started_at AT TIME ZONE 'UTC') as date, COUNT(*) as count FROM calls
    WHERE ${window} GROUP BY 1 ORDER BY 1`;
}

/** The seed hard-codes "last 30 days"; `since` stands in for it so both sides read the same window. */
export async function seedPlatformOverview(db: Db, since: Date): Promise<void> {
  await db.$queryRaw`SELECT COUNT(*) as total, SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END) as active FROM workspaces`;
  await db.$queryRaw`SELECT COUNT(*) as total FROM calls WHERE started_at >= ${since}`;
  await db.$queryRaw`SELECT SUM(total_amount) as total FROM billing_periods WHERE status IN ('paid', 'finalized') AND period_start >= ${since}`;
  await db.$queryRaw`
    SELECT SUM(monthly_fee) as mrr FROM subscription_tiers st JOIN workspaces w ON st.tier_name = w.subscription_tier
    WHERE w.status = 'active'`;
  await db.$queryRaw`SELECT COUNT(*) as churned FROM workspaces WHERE status = 'cancelled' AND updated_at >= ${since}`;
  await db.$queryRaw`
    SELECT w.id as workspace_id, w.name, COUNT(c.id) as calls, COALESCE(SUM(bp.total_amount), 0) as revenue
    FROM workspaces w
    LEFT JOIN calls c ON w.id = c.workspace_id AND c.started_at >= ${since}
    LEFT JOIN billing_periods bp ON w.id = bp.workspace_id AND bp.status = 'paid'
    GROUP BY w.id, w.name ORDER BY revenue DESC LIMIT 10`;
}

export async function seedProviderAnalytics(db: Db, start: Date, end: Date): Promise<void> {
  await db.$queryRaw`
    SELECT c.voice_provider_used as provider, COUNT(*) as total_calls,
      SUM(CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END) as completed_calls,
      SUM(u.total_cost) as total_cost, SUM(u.final_cost) as total_revenue
    FROM calls c LEFT JOIN usage_records u ON c.id = u.call_id
    WHERE c.started_at >= ${start} AND c.started_at <= ${end}
    GROUP BY c.voice_provider_used`;
  await db.$queryRaw`
    SELECT provider, AVG(avg_latency) as avg_latency FROM provider_health_status
    WHERE last_check >= ${start} AND last_check <= ${end} GROUP BY provider`;
}
