import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorkspaceOverview, resolveRange } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createCalls, createUsage, createWorkspace } from './fixtures';

describe('getWorkspaceOverview', () => {
  let t: TestDatabase;
  let workspaceId: string;
  // March 2026 in New York: [2026-03-01T05:00Z, 2026-04-01T04:00Z), DST change on Mar 8.
  const march = resolveRange({ month: '2026-03' }, 'America/New_York', new Date('2026-05-01T00:00:00Z'));

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'America/New_York' });
    const other = await createWorkspace(t.db);
    await createCalls(t.db, workspaceId, [
      { startedAt: '2026-03-01T05:00:00Z', status: 'no_answer', durationSeconds: 0 }, // exactly `from`: included
      { startedAt: '2026-03-02T15:00:00Z', status: 'completed', durationSeconds: 120, sentiment: 'positive', avgResponseMs: 100 },
      { startedAt: '2026-03-08T12:00:00Z', status: 'completed', durationSeconds: 60, sentiment: 'neutral', avgResponseMs: 300 },
      { startedAt: '2026-03-10T12:00:00Z', status: 'failed', durationSeconds: 30, sentiment: 'negative' },
      // Still running: counted as a call, not as a failure, no duration yet.
      { startedAt: '2026-03-31T23:00:00Z', status: 'in_progress', durationSeconds: null },
      { startedAt: '2026-04-01T04:00:00Z', status: 'completed' }, // exactly `to`: excluded
      { startedAt: '2026-03-01T04:59:00Z', status: 'failed', durationSeconds: 10 }, // Feb 28 local: previous range
    ]);
    await createCalls(t.db, other, [{ startedAt: '2026-03-05T12:00:00Z', status: 'completed' }]);
    await createUsage(t.db, workspaceId, { createdAt: '2026-03-02T15:00:00Z', provider: 'vapi', finalCost: '0.1' });
    await createUsage(t.db, workspaceId, { createdAt: '2026-03-02T20:00:00Z', provider: 'vapi', finalCost: '0.2' });
    // 19:30 EDT on Mar 31: a local date that is Apr 1 in UTC.
    await createUsage(t.db, workspaceId, { createdAt: '2026-03-31T23:30:00Z', provider: 'twilio', finalCost: '1.005' });
    await createUsage(t.db, workspaceId, { createdAt: '2026-04-01T04:00:00Z', provider: 'twilio', finalCost: '9' });
    await createUsage(t.db, workspaceId, { createdAt: '2026-02-20T12:00:00Z', provider: 'twilio', finalCost: '5' });
    await createUsage(t.db, other, { createdAt: '2026-03-02T15:00:00Z', provider: 'vapi', finalCost: '100' });
  });
  afterAll(() => t?.dispose());

  it('counts calls of the range only, in-progress calls are not failures', async () => {
    const overview = await getWorkspaceOverview(t.db, { workspaceId }, march);
    expect(overview.calls).toEqual({ total: 5, completed: 2, failed: 1, avgDuration: 52.5, totalMinutes: 3.5 });
    // 2 completed of 4 terminal (the in-progress call is not terminal); seed: 2/5 = 40 %.
    expect(overview.performance.successRate).toBe(50);
    expect(overview.performance.avgResponseTime).toBe(200);
    expect(overview.counts).toEqual({ terminal: 4, withDuration: 4, withResponseTime: 2 });
    expect(overview.previous.counts).toEqual({ terminal: 1, withDuration: 1, withResponseTime: 0 });
    expect(overview.performance.sentiment.positive).toBeCloseTo(100 / 3, 10);
    expect(overview.performance.sentiment.neutral).toBeCloseTo(100 / 3, 10);
    expect(overview.performance.sentiment.negative).toBeCloseTo(100 / 3, 10);
  });

  it('sums money exactly as decimal strings (0.1 + 0.2 = "0.300000")', async () => {
    const { cost } = await getWorkspaceOverview(t.db, { workspaceId }, march);
    expect(cost.total).toBe('1.305000');
    expect(cost.byProvider).toEqual({ vapi: '0.300000', twilio: '1.005000' });
  });

  it('cost trend has one point per local date of the month, zero-filled', async () => {
    const { cost } = await getWorkspaceOverview(t.db, { workspaceId }, march);
    expect(cost.trend).toHaveLength(31);
    expect(cost.trend[0]).toEqual({ date: '2026-03-01', cost: '0.000000' });
    expect(cost.trend[1]).toEqual({ date: '2026-03-02', cost: '0.300000' });
    expect(cost.trend[30]).toEqual({ date: '2026-03-31', cost: '1.005000' });
    expect(cost.trend.filter((p) => p.cost !== '0.000000')).toHaveLength(2);
  });

  it('previous block covers the preceding range of equal length', async () => {
    const { previous } = await getWorkspaceOverview(t.db, { workspaceId }, march);
    expect(previous.range.to).toEqual(march.from);
    expect(previous.calls).toEqual({ total: 1, completed: 0, failed: 1, avgDuration: 10, totalMinutes: 10 / 60 });
    expect(previous.performance.successRate).toBe(0);
    expect(previous.cost.total).toBe('5.000000');
    expect(previous.cost.byProvider).toEqual({ twilio: '5.000000' });
    // [2026-01-29T06:00Z, 2026-03-01T05:00Z) = Jan 29 01:00 .. Feb 28 24:00 local: 31 dates.
    expect(previous.cost.trend).toHaveLength(31);
    expect(previous.cost.trend[0]!.date).toBe('2026-01-29');
    expect(previous.cost.trend.find((p) => p.date === '2026-02-20')!.cost).toBe('5.000000');
  });

  it('a calendar month is not the rolling 30 days before now (seed defect 4)', async () => {
    // On Apr 10 the rolling "month" is Mar 11..Apr 10: none of March's first calls.
    const rolling = resolveRange('month', 'America/New_York', new Date('2026-04-10T12:00:00Z'));
    const calendar = await getWorkspaceOverview(t.db, { workspaceId }, march);
    const last30 = await getWorkspaceOverview(t.db, { workspaceId }, rolling);
    expect(calendar.calls.total).toBe(5);
    expect(last30.calls.total).toBe(2); // the in-progress call of Mar 31 and the one at Apr 1 04:00Z
  });
});
