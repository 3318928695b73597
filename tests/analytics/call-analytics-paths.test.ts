import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/db';
import { getCallAnalytics, getCallBreakdown, type BreakdownDimension } from '@/lib/analytics';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createCalls, createWorkspace, utcRange } from './fixtures';

// Which path getCallAnalytics reads (lib/analytics/call-analytics.ts), and the order of
// leaderboard ties across workspaces: edges the analytics mutation run found unpinned.
// Both paths give the same figures by design (tests/analytics/call-rollups-figures.test.ts),
// so the path is made visible here by a rollup row that disagrees with the calls.
describe('getCallAnalytics: rollups or calls', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let agent: string;
  const march = utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'UTC' });
    agent = await createAgent(t.db, workspaceId, { name: 'Ada' });
    await createCalls(t.db, workspaceId, [
      { startedAt: '2026-03-10T09:00:00Z', agentId: agent, status: 'completed' },
      { startedAt: '2026-03-10T09:20:00Z', agentId: agent, status: 'completed' },
      { startedAt: '2026-03-10T10:00:00Z', agentId: null, status: 'failed' },
    ]);
    // 1,000 calls the calls table does not hold, in every rollup of Ada's 10 March.
    await t.db.$executeRaw(Prisma.sql`UPDATE call_rollups SET calls = calls + 1000 WHERE workspace_id = ${workspaceId}::uuid AND agent_key = ${agent}::uuid`);
    await t.db.$executeRaw(Prisma.sql`UPDATE call_bucket_rollups SET calls = calls + 1000 WHERE workspace_id = ${workspaceId}::uuid AND bucket_start = '2026-03-10T09:00:00Z'`);
    await t.db.$executeRaw(Prisma.sql`UPDATE call_agent_bucket_rollups SET calls = calls + 1000 WHERE workspace_id = ${workspaceId}::uuid AND agent_key = ${agent}::uuid AND bucket_start = '2026-03-10T09:00:00Z'`);
  });
  afterAll(() => t?.dispose());

  const read = async (filters: Parameters<typeof getCallAnalytics>[3]) => {
    const a = await getCallAnalytics(t.db, { workspaceId }, march, filters);
    return { total: a.totalCalls, hours: a.callsByHour.reduce((sum, h) => sum + h.count, 0) };
  };

  it('reads the rollups without filters, and for the agent filter alone (filters set to undefined do not count)', async () => {
    expect(await read({})).toEqual({ total: 1003, hours: 1003 });
    expect(await read(undefined)).toEqual({ total: 1003, hours: 1003 });
    expect(await read({ agentId: agent })).toEqual({ total: 1002, hours: 1002 });
    expect(await read({ agentId: agent, status: undefined, direction: undefined, hour: undefined })).toEqual({ total: 1002, hours: 1002 });
    expect(await read({ status: undefined })).toEqual({ total: 1003, hours: 1003 });
  });

  it('reads the calls for any other filter, alone or with the agent, and inside withoutRollups', async () => {
    expect(await read({ status: 'completed' })).toEqual({ total: 2, hours: 2 });
    expect(await read({ agentId: agent, status: 'completed' })).toEqual({ total: 2, hours: 2 });
    expect(await read({ direction: 'inbound' })).toEqual({ total: 3, hours: 3 });
    expect(await read({ hour: 9 })).toEqual({ total: 2, hours: 2 });
    expect(await withoutRollups(() => read({}))).toEqual({ total: 3, hours: 3 });
    expect(await withoutRollups(() => read({ agentId: agent }))).toEqual({ total: 2, hours: 2 });
  });
});

describe('getCallAnalytics: leaderboard ties across workspaces', () => {
  let t: TestDatabase;
  const april = utcRange('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    // Eight workspaces, created in an order unlike their id order, each with a call without
    // agent costing its id's last digit; the second also has Zed's call.
    const ids = [5, 2, 8, 1, 7, 3, 6, 4].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    for (const id of ids) await createWorkspace(t.db, { id, timezone: 'UTC' });
    const zed = await createAgent(t.db, ids[1]!, { name: 'Zed' });
    await createCalls(t.db, ids[1]!, [{ startedAt: '2026-04-05T12:30:00Z', agentId: zed, costTotal: '30' }]);
    for (const id of ids) await createCalls(t.db, id, [{ startedAt: '2026-04-05T12:00:00Z', agentId: null, costTotal: id.slice(-1) }]);
  });
  afterAll(() => t?.dispose());

  it('puts a named agent before the calls without agent, and those in workspace id order', async () => {
    for (const path of [(work: () => Promise<string[]>) => work(), withoutRollups]) {
      const costs = await path(async () => (await getCallAnalytics(t.db, { platform: true }, april)).callsByAgent.map((row) => `${row.agentName}:${row.cost}`));
      expect(costs).toEqual(['Zed:30.000000', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `null:${n}.000000`)]);
    }
  });

  it('getCallBreakdown refuses a dimension it does not know, naming it', async () => {
    const workspaceId = '00000000-0000-4000-8000-000000000001';
    await expect(getCallBreakdown(t.db, { workspaceId }, april, 'agent' as BreakdownDimension)).rejects.toThrow('unknown breakdown agent');
    expect(await getCallBreakdown(t.db, { workspaceId }, april, 'provider')).toEqual([{ value: 'vapi', calls: 1 }]);
  });
});
