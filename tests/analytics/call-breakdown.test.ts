import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_STATUSES, filtersWithout, getCallAnalytics, getCallBreakdown, resolveRange, type CallFilters } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createCalls, createWorkspace } from './fixtures';

/**
 * Cross-filtering (issue 15 #4): the chart of the dimension the page is filtered by is fed
 * the other filters only. Its bars must be exact: each bar equals the page's figures had
 * that bar been chosen instead.
 */
describe('call breakdowns and cross-filtering', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let alice: string;
  let bob: string;
  const march = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, 'America/New_York', new Date());

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'America/New_York' });
    const other = await createWorkspace(t.db);
    alice = await createAgent(t.db, workspaceId, { name: 'Alice' });
    bob = await createAgent(t.db, workspaceId, { name: 'Bob' });
    await createCalls(t.db, workspaceId, [
      { startedAt: '2026-03-02T14:00:00Z', agentId: alice, status: 'completed', direction: 'inbound', provider: 'elevenlabs', sentiment: 'positive' },
      { startedAt: '2026-03-02T14:30:00Z', agentId: alice, status: 'completed', direction: 'outbound', provider: 'elevenlabs', sentiment: 'negative' },
      { startedAt: '2026-03-03T15:00:00Z', agentId: bob, status: 'failed', direction: 'inbound', provider: 'cartesia', sentiment: 'negative' },
      { startedAt: '2026-03-04T15:10:00Z', agentId: bob, status: 'completed', direction: 'inbound', provider: 'cartesia', sentiment: 'neutral' },
      { startedAt: '2026-03-05T16:00:00Z', agentId: alice, status: 'busy', direction: 'outbound', provider: null, sentiment: null },
      { startedAt: '2026-03-06T16:00:00Z', agentId: null, status: 'completed', direction: 'inbound', provider: 'elevenlabs', sentiment: 'positive' },
      // Outside the range, and another workspace: never counted.
      { startedAt: '2026-04-01T12:00:00Z', agentId: alice, status: 'completed', provider: 'elevenlabs', sentiment: 'positive' },
    ]);
    await createCalls(t.db, other, [{ startedAt: '2026-03-02T14:00:00Z', status: 'completed', provider: 'elevenlabs', sentiment: 'positive' }]);
  });
  afterAll(() => t?.dispose());

  it('counts calls per sentiment and per voice provider, nulls last', async () => {
    expect(await getCallBreakdown(t.db, { workspaceId }, march, 'sentiment')).toEqual([
      { value: 'negative', calls: 2 },
      { value: 'positive', calls: 2 },
      { value: 'neutral', calls: 1 },
      { value: null, calls: 1 },
    ]);
    expect(await getCallBreakdown(t.db, { workspaceId }, march, 'provider')).toEqual([
      { value: 'elevenlabs', calls: 3 },
      { value: 'cartesia', calls: 2 },
      { value: null, calls: 1 },
    ]);
  });

  it('applies every filter, the hour one in the workspace zone', async () => {
    expect(await getCallBreakdown(t.db, { workspaceId }, march, 'sentiment', { agentId: bob })).toEqual([
      { value: 'negative', calls: 1 },
      { value: 'neutral', calls: 1 },
    ]);
    // 14:00Z and 14:30Z are 09:xx in New York (EST, before the DST change on Mar 8).
    expect(await getCallBreakdown(t.db, { workspaceId }, march, 'provider', { hour: 9 })).toEqual([{ value: 'elevenlabs', calls: 2 }]);
  });

  it('drops only the named dimension from the filters', () => {
    const filters: CallFilters = { status: 'completed', sentiment: 'positive', hour: 9 };
    expect(filtersWithout(filters, 'sentiment')).toEqual({ status: 'completed', hour: 9 });
    expect(filters).toEqual({ status: 'completed', sentiment: 'positive', hour: 9 });
    expect(filtersWithout({}, 'status')).toEqual({});
  });

  it('a chart fed without its own filter has bars equal to choosing each bar (status, rollup and raw paths)', async () => {
    for (const filters of [{ status: 'completed' }, { status: 'completed', agentId: alice }, { status: 'failed', direction: 'inbound' }] satisfies CallFilters[]) {
      const chart = await getCallAnalytics(t.db, { workspaceId }, march, filtersWithout(filters, 'status'));
      for (const status of CALL_STATUSES) {
        const chosen = await getCallAnalytics(t.db, { workspaceId }, march, { ...filters, status });
        expect(chart.callsByStatus[status], `${JSON.stringify(filters)} → ${status}`).toBe(chosen.totalCalls);
      }
    }
  });

  it('the sentiment chart of a page filtered by sentiment keeps every sentiment, the chosen bar equal to the page total', async () => {
    const filters: CallFilters = { direction: 'inbound', sentiment: 'positive' };
    const bars = await getCallBreakdown(t.db, { workspaceId }, march, 'sentiment', filtersWithout(filters, 'sentiment'));
    expect(bars.map((bar) => bar.value)).toEqual(['positive', 'negative', 'neutral']);
    const page = await getCallAnalytics(t.db, { workspaceId }, march, filters);
    expect(bars.find((bar) => bar.value === 'positive')?.calls).toBe(page.totalCalls);
  });

  it('refuses a bad filter value with the field named', async () => {
    await expect(getCallBreakdown(t.db, { workspaceId }, march, 'provider', { sentiment: 'great' as never })).rejects.toThrow(/sentiment/);
  });
});
