import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallAnalytics, InvalidParameterError, listCallProviders, resolveRange, type CallAnalytics } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createCall, createCalls, createWorkspace } from './fixtures';

const hours = (analytics: CallAnalytics) =>
  Object.fromEntries(analytics.callsByHour.filter((h) => h.count > 0).map((h) => [h.hour, h.count]));

describe('getCallAnalytics', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let alice: string;
  let bob: string;
  let retired: string;
  let otherAgent: string;
  // Kathmandu is +05:45.
  const march = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, 'Asia/Kathmandu', new Date());

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'Asia/Kathmandu' });
    const other = await createWorkspace(t.db);
    alice = await createAgent(t.db, workspaceId, { name: 'Alice' });
    bob = await createAgent(t.db, workspaceId, { name: 'Bob', deletedAt: new Date('2026-03-20T00:00:00Z') });
    // A call cannot name another workspace's agent: the composite key (workspace_id, agent_id)
    // refuses it (tests/integration/tenant-keys.test.ts). A second deleted agent stands in.
    retired = await createAgent(t.db, workspaceId, { name: 'Retired', deletedAt: new Date('2026-03-01T00:00:00Z') });
    otherAgent = await createAgent(t.db, other, { name: 'Not yours' });
    await createCalls(t.db, workspaceId, [
      // 00:15Z = 06:00 local
      { startedAt: '2026-03-05T00:15:00Z', agentId: alice, direction: 'inbound', status: 'completed', durationSeconds: 100, provider: 'vapi', costTotal: '1.1', sentiment: 'positive' },
      // 18:14Z = 23:59 local
      { startedAt: '2026-03-05T18:14:00Z', agentId: alice, direction: 'outbound', status: 'failed', durationSeconds: 50, provider: 'twilio', costTotal: '0.2' },
      // 18:15Z = 00:00 local, next day; the agent was deleted since
      { startedAt: '2026-03-05T18:15:00Z', agentId: bob, direction: 'inbound', status: 'completed', durationSeconds: 200, provider: 'vapi', costTotal: '2', sentiment: 'negative' },
      // 06:00Z = 11:45 local; no agent, still running
      { startedAt: '2026-03-06T06:00:00Z', agentId: null, direction: 'inbound', status: 'in_progress', durationSeconds: null, provider: 'vapi' },
      // 12:00Z = 17:45 local; a deleted agent
      { startedAt: '2026-03-07T12:00:00Z', agentId: retired, direction: 'outbound', status: 'busy', durationSeconds: 10, provider: 'vapi', costTotal: '0.05' },
      { startedAt: '2026-03-07T12:00:00Z', agentId: alice, direction: 'inbound', status: 'completed', durationSeconds: 30, provider: 'vapi', costTotal: '0.3' },
    ]);
    await createCall(t.db, workspaceId, { startedAt: '2026-02-28T18:14:00Z', agentId: alice }); // Feb 28 23:59 local
    await createCall(t.db, other, { startedAt: '2026-03-05T00:15:00Z', agentId: otherAgent });
  });
  afterAll(() => t?.dispose());

  it('computes every figure without filters', async () => {
    const a = await getCallAnalytics(t.db, { workspaceId }, march);
    expect(a.totalCalls).toBe(6);
    expect(a.completed).toBe(3);
    expect(a.successRate).toBe(60); // 3 of 5 terminal
    expect(a.totalMinutes).toBe(6.5);
    expect(a.avgDuration).toBe(78);
    expect(a.longestCall).toBe(200);
    expect(a.shortestCall).toBe(10);
    expect(a.callsByStatus).toEqual({ queued: 0, ringing: 0, in_progress: 1, completed: 3, failed: 1, no_answer: 0, busy: 1, canceled: 0 });
    expect(a.callsByDirection).toEqual({ inbound: 4, outbound: 2 });
    expect(hours(a)).toEqual({ 0: 1, 6: 1, 11: 1, 17: 2, 23: 1 });
  });

  it("keeps deleted and missing agents' calls in the leaderboard; a deleted agent keeps its name, marked deleted (seed defect 2)", async () => {
    const a = await getCallAnalytics(t.db, { workspaceId }, march);
    const [first, ...ties] = a.callsByAgent;
    expect(first).toEqual({ agentId: alice, agentName: 'Alice', agentDeleted: false, count: 3, completed: 2, terminal: 3, successRate: (100 * 2) / 3, totalMinutes: 3, cost: '1.600000' });
    // Ties on 1 call: by name (deleted agents keep theirs), the call without agent last.
    expect(ties.map((row) => row.agentId)).toEqual([bob, retired, null]);
    expect(ties.find((row) => row.agentId === bob)).toEqual({ agentId: bob, agentName: 'Bob', agentDeleted: true, count: 1, completed: 1, terminal: 1, successRate: 100, totalMinutes: 200 / 60, cost: '2.000000' });
    expect(ties.find((row) => row.agentId === retired)).toEqual({ agentId: retired, agentName: 'Retired', agentDeleted: true, count: 1, completed: 0, terminal: 1, successRate: 0, totalMinutes: 10 / 60, cost: '0.050000' });
    expect(ties.find((row) => row.agentId === null)).toEqual({ agentId: null, agentName: null, agentDeleted: false, count: 1, completed: 0, terminal: 0, successRate: 0, totalMinutes: 0, cost: '0.000000' });
  });

  it('applies the direction filter to every breakdown (seed defect 1)', async () => {
    const a = await getCallAnalytics(t.db, { workspaceId }, march, { direction: 'inbound' });
    expect(a.totalCalls).toBe(4);
    expect(a.successRate).toBe(100);
    expect(a.callsByStatus).toMatchObject({ completed: 3, in_progress: 1, failed: 0, busy: 0 });
    expect(a.callsByDirection).toEqual({ inbound: 4, outbound: 0 });
    expect(a.callsByAgent.map((row) => [row.agentId, row.count, row.cost])).toEqual([
      [alice, 2, '1.400000'],
      [bob, 1, '2.000000'],
      [null, 1, '0.000000'],
    ]);
    expect(hours(a)).toEqual({ 0: 1, 6: 1, 11: 1, 17: 1 });
    expect([a.avgDuration, a.longestCall, a.shortestCall]).toEqual([110, 200, 30]);
  });

  it('applies agent + status, provider and sentiment filters everywhere', async () => {
    const mine = await getCallAnalytics(t.db, { workspaceId }, march, { agentId: alice, status: 'completed' });
    expect(mine.totalCalls).toBe(2);
    expect(mine.callsByStatus.completed).toBe(2);
    expect(mine.callsByStatus.failed).toBe(0);
    expect(mine.callsByAgent.map((row) => [row.agentId, row.count])).toEqual([[alice, 2]]);
    expect(hours(mine)).toEqual({ 6: 1, 17: 1 });

    const twilio = await getCallAnalytics(t.db, { workspaceId }, march, { provider: 'twilio' });
    expect(twilio.totalCalls).toBe(1);
    expect(twilio.callsByDirection).toEqual({ inbound: 0, outbound: 1 });
    expect(hours(twilio)).toEqual({ 23: 1 });
    expect(twilio.successRate).toBe(0);

    const positive = await getCallAnalytics(t.db, { workspaceId }, march, { sentiment: 'positive' });
    expect(positive.totalCalls).toBe(1);
    expect(positive.callsByAgent.map((row) => row.agentId)).toEqual([alice]);
  });

  it('narrows every figure to a local hour of the workspace zone (+05:45), not a UTC hour', async () => {
    // 17:45 local (12:00Z) holds two calls; UTC hour 17 holds none of this workspace's.
    const a = await getCallAnalytics(t.db, { workspaceId }, march, { hour: 17 });
    expect(a.totalCalls).toBe(2);
    expect(a.callsByStatus).toMatchObject({ busy: 1, completed: 1 });
    expect(a.callsByDirection).toEqual({ inbound: 1, outbound: 1 });
    expect(hours(a)).toEqual({ 17: 2 });
    expect(a.callsByAgent.map((row) => [row.agentId, row.count])).toEqual([[alice, 1], [retired, 1]]);
    // 00:00 local is 18:15Z of the day before: Bob's call, and only it.
    const midnight = await getCallAnalytics(t.db, { workspaceId }, march, { hour: 0, direction: 'inbound' });
    expect(midnight.totalCalls).toBe(1);
    expect(midnight.callsByAgent[0]?.agentId).toBe(bob);
  });

  it('lists the voice providers of the scope’s calls in the range, for the provider filter', async () => {
    expect(await listCallProviders(t.db, { workspaceId }, march)).toEqual(['twilio', 'vapi']);
    const february = resolveRange({ fromDate: '2026-02-01', toDate: '2026-02-27' }, 'Asia/Kathmandu', new Date());
    expect(await listCallProviders(t.db, { workspaceId }, february)).toEqual([]);
    expect(await listCallProviders(t.db, { workspaceId: 'not-a-uuid' }, march)).toEqual([]);
  });

  it('rejects malformed filters naming the parameter', async () => {
    await expect(getCallAnalytics(t.db, { workspaceId }, march, { hour: 24 })).rejects.toMatchObject({ param: 'hour' });
    await expect(getCallAnalytics(t.db, { workspaceId }, march, { hour: 1.5 })).rejects.toMatchObject({ param: 'hour' });
    await expect(getCallAnalytics(t.db, { workspaceId }, march, { agentId: 'x' })).rejects.toMatchObject({ param: 'agentId' });
    await expect(getCallAnalytics(t.db, { workspaceId }, march, { status: 'done' as never })).rejects.toBeInstanceOf(InvalidParameterError);
  });
});

describe('getCallAnalytics local hours across DST and offset zones', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.dispose());

  it('America/New_York on the 2026 DST change days', async () => {
    const workspaceId = await createWorkspace(t.db, { timezone: 'America/New_York' });
    await createCalls(t.db, workspaceId, [
      { startedAt: '2026-03-08T06:30:00Z' }, // 01:30 EST
      { startedAt: '2026-03-08T07:30:00Z' }, // 03:30 EDT: hour 2 does not exist that day
      { startedAt: '2026-11-01T05:30:00Z' }, // 01:30 EDT
      { startedAt: '2026-11-01T06:30:00Z' }, // 01:30 EST: the hour that happens twice
      { startedAt: '2026-11-02T04:30:00Z' }, // 23:30 EST on Nov 1
    ]);
    const spring = resolveRange({ fromDate: '2026-03-08', toDate: '2026-03-08' }, 'America/New_York', new Date());
    expect(hours(await getCallAnalytics(t.db, { workspaceId }, spring))).toEqual({ 1: 1, 3: 1 });
    const autumn = resolveRange({ fromDate: '2026-11-01', toDate: '2026-11-01' }, 'America/New_York', new Date());
    const a = await getCallAnalytics(t.db, { workspaceId }, autumn);
    expect(a.totalCalls).toBe(3);
    expect(hours(a)).toEqual({ 1: 2, 23: 1 });
  });

  it('Asia/Kolkata (+05:30) and Asia/Kathmandu (+05:45)', async () => {
    const workspaceId = await createWorkspace(t.db);
    await createCalls(t.db, workspaceId, [
      { startedAt: '2026-03-05T18:29:00Z' }, // Kolkata 23:59, Kathmandu 00:14 next day
      { startedAt: '2026-03-05T18:30:00Z' }, // Kolkata 00:00
      { startedAt: '2026-03-05T18:14:00Z' }, // Kolkata 23:44, Kathmandu 23:59
    ]);
    const kolkata = resolveRange({ month: '2026-03' }, 'Asia/Kolkata', new Date());
    expect(hours(await getCallAnalytics(t.db, { workspaceId }, kolkata))).toEqual({ 0: 1, 23: 2 });
    const kathmandu = resolveRange({ month: '2026-03' }, 'Asia/Kathmandu', new Date());
    expect(hours(await getCallAnalytics(t.db, { workspaceId }, kathmandu))).toEqual({ 0: 2, 23: 1 });
  });
});
