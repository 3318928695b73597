import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallsOverTime, resolveRange } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createCalls, createWorkspace } from './fixtures';

/** Calls over time by outcome, in local buckets, against data whose answer is known by hand. */
describe('getCallsOverTime', () => {
  let t: TestDatabase;
  let ws: string;
  let other: string;
  const ny = 'America/New_York';
  const now = new Date('2026-03-10T13:41:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await createWorkspace(t.db, { name: 'Acme', timezone: ny });
    other = await createWorkspace(t.db, { name: 'Other' });
    await createCalls(t.db, ws, [
      // 23:30 on Mar 9 in New York (Mar 10 in UTC): yesterday locally.
      { startedAt: '2026-03-10T03:30:00Z', status: 'completed' },
      { startedAt: '2026-03-10T13:05:00Z', status: 'completed' }, // 09:05
      { startedAt: '2026-03-10T13:10:00Z', status: 'failed' }, // 09:10
      { startedAt: '2026-03-10T13:20:00Z', status: 'in_progress' }, // 09:20
      { startedAt: '2026-03-10T12:00:00Z', status: 'no_answer', direction: 'outbound' }, // 08:00
    ]);
    await createCalls(t.db, other, [{ startedAt: '2026-03-10T13:05:00Z' }]);
  });
  afterAll(() => t?.dispose());

  it('today by local hour: the current hour is partial; other workspaces never count', async () => {
    const result = await getCallsOverTime(t.db, { workspaceId: ws }, resolveRange('day', ny, now), 'hour');
    const byKey = Object.fromEntries(result.points.map((p) => [p.key, [p.completed, p.failed, p.ongoing, p.partial]]));
    expect(result.points).toHaveLength(10);
    expect(byKey['2026-03-10T08']).toEqual([0, 1, 0, false]);
    expect(byKey['2026-03-10T09']).toEqual([1, 1, 1, true]);
    expect(result.points.reduce((n, p) => n + p.completed + p.failed + p.ongoing, 0)).toBe(4);
  });

  it('by local day and with filters', async () => {
    const range = resolveRange({ fromDate: '2026-03-09', toDate: '2026-03-10' }, ny, now);
    const days = await getCallsOverTime(t.db, { workspaceId: ws }, range, 'day');
    expect(days.points.map((p) => [p.key, p.completed, p.failed, p.ongoing])).toEqual([
      ['2026-03-09', 1, 0, 0],
      ['2026-03-10', 1, 2, 1],
    ]);
    const outbound = await getCallsOverTime(t.db, { workspaceId: ws }, range, 'day', { direction: 'outbound' });
    expect(outbound.points.map((p) => p.failed)).toEqual([0, 1]);
  });
});
