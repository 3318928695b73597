import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgentPerformance, NotFoundError, resolveRange } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createCalls, createWorkspace, type CallInput } from './fixtures';

describe('getAgentPerformance', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let otherWorkspace: string;
  let agent: string;
  let deleted: string;
  let otherAgent: string;
  // New York, Nov 1 (25 h, DST ends) and Nov 2: [2026-11-01T04:00Z, 2026-11-03T05:00Z).
  const range = resolveRange({ fromDate: '2026-11-01', toDate: '2026-11-02' }, 'America/New_York', new Date());

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'America/New_York' });
    otherWorkspace = await createWorkspace(t.db);
    agent = await createAgent(t.db, workspaceId, { name: 'Ava' });
    deleted = await createAgent(t.db, workspaceId, { name: 'Gone', deletedAt: new Date('2026-11-02T00:00:00Z') });
    otherAgent = await createAgent(t.db, otherWorkspace, { name: 'Theirs' });
    const day1 = '2026-11-01T05:30:00Z'; // 01:30 EDT
    const day1b = '2026-11-02T04:30:00Z'; // 23:30 EST, still Nov 1 local
    const day2 = '2026-11-02T05:00:00Z'; // 00:00 EST Nov 2
    const calls: CallInput[] = [
      { startedAt: day1, intent: 'billing', status: 'completed', durationSeconds: 60, sentiment: 'positive', avgResponseMs: 500 },
      { startedAt: day1, intent: 'billing', status: 'completed', durationSeconds: 120, sentiment: 'positive', avgResponseMs: 700 },
      { startedAt: day1, intent: 'billing', status: 'failed', durationSeconds: 0, sentiment: 'negative' },
      { startedAt: day1b, intent: 'support', status: 'completed', durationSeconds: 30, sentiment: 'neutral' },
      { startedAt: day1b, intent: 'support', status: 'ringing', durationSeconds: null },
      { startedAt: day2, intent: 'sales', status: 'completed', durationSeconds: 90 },
      { startedAt: day2, intent: 'sales', status: 'completed', durationSeconds: 90 },
      { startedAt: day2, intent: 'zeta', status: 'completed', durationSeconds: 90 },
      { startedAt: day2, intent: 'cancel', status: 'completed', durationSeconds: 90 },
      { startedAt: day2, intent: 'appointments', status: 'completed', durationSeconds: 90 },
      { startedAt: day2, intent: null, status: 'completed', durationSeconds: 90 },
      { startedAt: '2026-11-03T05:00:00Z', intent: 'billing' }, // exactly `to`
    ];
    await createCalls(t.db, workspaceId, calls.map((call) => ({ ...call, agentId: agent })));
    await createCalls(t.db, workspaceId, [{ startedAt: day2, agentId: deleted, intent: 'legacy', status: 'completed', durationSeconds: 42 }]);
    await createCalls(t.db, otherWorkspace, [{ startedAt: day2, agentId: otherAgent }]);
  });
  afterAll(() => t?.dispose());

  it('computes every figure by hand', async () => {
    const p = await getAgentPerformance(t.db, { workspaceId }, agent, range);
    expect(p.agent).toEqual({ id: agent, name: 'Ava', deletedAt: null });
    expect(p.totalCalls).toBe(11);
    expect(p.completed).toBe(9);
    expect(p.successRate).toBe(90); // 9 of 10 terminal; the ringing call is neither
    expect(p.avgDuration).toBe(750 / 10);
    expect(p.totalMinutes).toBe(12.5);
    expect(p.avgResponseTime).toBe(600);
    expect(p.sentiment.positive).toBe(50);
    expect(p.sentiment.neutral).toBe(25);
    expect(p.sentiment.negative).toBe(25);
    expect(p.topIntents).toEqual([
      { intent: 'billing', count: 3 },
      { intent: 'sales', count: 2 },
      { intent: 'support', count: 2 },
      { intent: 'appointments', count: 1 },
      { intent: 'cancel', count: 1 },
    ]);
    expect(p.callTrend).toEqual([
      { date: '2026-11-01', count: 5 },
      { date: '2026-11-02', count: 6 },
    ]);
  });

  it("a deleted agent's history is still readable", async () => {
    const p = await getAgentPerformance(t.db, { workspaceId }, deleted, range);
    expect(p.agent.name).toBe('Gone');
    expect(p.agent.deletedAt).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(p.totalCalls).toBe(1);
    expect(p.totalMinutes).toBe(0.7);
  });

  it("another workspace's agent id is NotFoundError, never data (seed defect 8)", async () => {
    await expect(getAgentPerformance(t.db, { workspaceId }, otherAgent, range)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgentPerformance(t.db, { workspaceId: otherWorkspace }, agent, range)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgentPerformance(t.db, { workspaceId }, 'not-a-uuid', range)).rejects.toBeInstanceOf(NotFoundError);
    // A scope that is not recognised fails closed as well.
    await expect(getAgentPerformance(t.db, {} as never, agent, range)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the platform scope may read any agent', async () => {
    const p = await getAgentPerformance(t.db, { platform: true }, otherAgent, range);
    expect(p.totalCalls).toBe(1);
  });
});
