import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getAgentPerformance,
  getCallAnalytics,
  getPlatformOverview,
  getProviderAnalytics,
  getUsageSummary,
  getWorkspaceOverview,
  NotFoundError,
} from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createWorkspace, utcRange } from './fixtures';

/** An empty workspace and an empty range give zeros and complete zero series, never errors. */
describe('empty workspace and empty range', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let agentId: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'Asia/Kolkata' });
    agentId = await createAgent(t.db, workspaceId, { name: 'Idle' });
  });
  afterAll(() => t?.dispose());

  const week = utcRange('2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z', 'Asia/Kolkata');

  it('workspace overview is all zeros with one cost point per local date', async () => {
    const overview = await getWorkspaceOverview(t.db, { workspaceId }, week);
    expect(overview.calls).toEqual({ total: 0, completed: 0, failed: 0, avgDuration: 0, totalMinutes: 0 });
    expect(overview.cost.total).toBe('0.000000');
    expect(overview.cost.byProvider).toEqual({});
    // 2026-03-01T00:00Z is 05:30 local on Mar 1; the range ends 05:30 local on Mar 8: 8 local dates.
    expect(overview.cost.trend.map((p) => p.date)).toEqual([
      '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08',
    ]);
    expect(overview.cost.trend.every((p) => p.cost === '0.000000')).toBe(true);
    expect(overview.performance).toEqual({ successRate: 0, avgResponseTime: 0, sentiment: { positive: 0, neutral: 0, negative: 0 } });
    // No data behind the rate and the means: the UI shows "—" for them.
    expect(overview.counts).toEqual({ terminal: 0, withDuration: 0, withResponseTime: 0 });
    expect(overview.previous.calls.total).toBe(0);
    expect(overview.previous.cost.trend).toHaveLength(8);
  });

  it('call analytics has 24 zero hours and zero breakdowns', async () => {
    const analytics = await getCallAnalytics(t.db, { workspaceId }, week);
    expect(analytics.totalCalls).toBe(0);
    expect(analytics.callsByHour).toEqual(Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0 })));
    expect(Object.values(analytics.callsByStatus).every((n) => n === 0)).toBe(true);
    expect(analytics.callsByDirection).toEqual({ inbound: 0, outbound: 0 });
    expect(analytics.callsByAgent).toEqual([]);
    expect(analytics.avgDuration).toBe(0);
    expect(analytics.longestCall).toBeNull();
    expect(analytics.shortestCall).toBeNull();
    expect(analytics.successRate).toBe(0);
  });

  it('agent performance is zeros with a complete trend', async () => {
    const agent = await getAgentPerformance(t.db, { workspaceId }, agentId, week);
    expect(agent.totalCalls).toBe(0);
    expect(agent.successRate).toBe(0);
    expect(agent.topIntents).toEqual([]);
    expect(agent.callTrend).toHaveLength(8);
    expect(agent.callTrend.every((p) => p.count === 0)).toBe(true);
  });

  it('an empty range [t, t) gives zeros and empty series', async () => {
    const instant = utcRange('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');
    const overview = await getWorkspaceOverview(t.db, { workspaceId }, instant);
    expect(overview.calls.total).toBe(0);
    expect(overview.cost.trend).toEqual([]);
    const analytics = await getCallAnalytics(t.db, { workspaceId }, instant);
    expect(analytics.callsByHour).toHaveLength(24);
  });

  it('platform and provider views of an empty platform', async () => {
    const platform = await getPlatformOverview(t.db, week);
    expect(platform).toMatchObject({ totalCalls: 0, totalRevenue: '0.000000', mrr: '0.000000', arr: '0.000000', churnRate: 0 });
    expect(platform.totalWorkspaces).toBe(1);
    expect(platform.topWorkspaces).toHaveLength(1);
    expect(await getProviderAnalytics(t.db, week)).toEqual([]);
  });

  it('usage summary of an empty range', async () => {
    const usage = await getUsageSummary(t.db, { workspaceId }, week);
    expect(usage.lines).toEqual([]);
    expect(usage.totals).toEqual({ billedAmount: '0.000000' });
  });

  it('unknown agent and billing period are NotFoundError', async () => {
    await expect(getAgentPerformance(t.db, { workspaceId }, '00000000-0000-4000-8000-000000000000', week)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUsageSummary(t.db, { workspaceId }, { billingPeriodId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
