import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallAnalytics, getWorkspaceOverview, resolveRange, type CallDirection, type CallStatus, type Sentiment } from '@/lib/analytics';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createCalls, createWorkspace, type CallInput } from './fixtures';

/**
 * The workspace metrics of docs/METRICS.md on a fixture whose counts differ in every
 * category: 7 completed, 5 failed, 4 no answer, 3 busy, 2 canceled, 1 in progress and
 * 1 ringing; 6 positive, 4 neutral, 2 negative and 11 without sentiment; 14 inbound and
 * 9 outbound. Counting one category where another belongs (neutral for negative,
 * busy for failed, outbound for inbound) changes a figure below, which is what a fixture
 * with equal counts per category cannot show (issue 18).
 */
const STATUS_COUNTS: [CallStatus, number][] = [
  ['completed', 7], ['failed', 5], ['no_answer', 4], ['busy', 3], ['canceled', 2], ['in_progress', 1], ['ringing', 1],
];
const SENTIMENT_COUNTS: [Sentiment | null, number][] = [['positive', 6], ['neutral', 4], ['negative', 2], [null, 11]];
const DIRECTION_COUNTS: [CallDirection, number][] = [['inbound', 14], ['outbound', 9]];

const spread = <T>(counts: [T, number][]): T[] => counts.flatMap(([value, n]) => Array<T>(n).fill(value));
const statuses = spread(STATUS_COUNTS);
// Sentiment and direction run in another order than status, so no two categories coincide.
const sentiments = spread(SENTIMENT_COUNTS).reverse();
const directions = spread(DIRECTION_COUNTS);

// The range is March in Kathmandu (+05:45): [Feb 28 18:15Z, Mar 31 18:15Z), so the rollup
// path reads whole UTC days from the rollups and Mar 31 from the raw calls. Even calls start
// on a whole day (March 1 + i, hour i mod 24 UTC), odd ones on the partial Mar 31 (hour
// i mod 18 UTC), so a wrong category in either path shows. A call lasts 10·(i+1) s; every
// fourth has no duration and every third has a response time of 100·(i+1) ms.
const ZONE = 'Asia/Kathmandu';
const CALLS: CallInput[] = statuses.map((status, i) => ({
  startedAt: new Date(i % 2 === 0 ? Date.UTC(2026, 2, 1 + i, i % 24) : Date.UTC(2026, 2, 31, i % 18)),
  status,
  sentiment: sentiments[i],
  direction: directions[i],
  durationSeconds: i % 4 === 3 ? null : 10 * (i + 1),
  avgResponseMs: i % 3 === 0 ? 100 * (i + 1) : null,
}));

const count = (predicate: (call: CallInput) => boolean) => CALLS.filter(predicate).length;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const durations = CALLS.map((c) => c.durationSeconds).filter((d): d is number => d !== null && d !== undefined);
const responses = CALLS.map((c) => c.avgResponseMs).filter((r): r is number => r !== null && r !== undefined);

describe('workspace metrics, each definition against a fixture with distinct counts per category', () => {
  let t: TestDatabase;
  let workspaceId: string;
  const march = resolveRange({ month: '2026-03' }, ZONE, new Date('2026-05-01T00:00:00Z'));

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: ZONE });
    await createCalls(t.db, workspaceId, CALLS);
  });
  afterAll(() => t?.dispose());

  it('the fixture really has a different count in every category', () => {
    for (const counts of [STATUS_COUNTS.slice(0, 6), SENTIMENT_COUNTS, DIRECTION_COUNTS]) {
      expect(new Set(counts.map(([, n]) => n)).size).toBe(counts.length);
    }
  });

  // Both read paths: the rollups (with raw partial days) and the raw calls table.
  for (const [path, read] of [['rollups', <T>(work: () => Promise<T>) => work()], ['raw', withoutRollups]] as const) {
    it(`headline figures (${path})`, async () => {
      const { calls, performance } = await read(() => getWorkspaceOverview(t.db, { workspaceId }, march));
      const terminal = count((c) => ['completed', 'failed', 'no_answer', 'busy', 'canceled'].includes(c.status!));
      expect(terminal).toBe(21);
      expect(calls).toEqual({
        total: 23,
        completed: 7,
        failed: 5,
        avgDuration: mean(durations),
        totalMinutes: durations.reduce((a, b) => a + b, 0) / 60,
      });
      expect(performance.successRate).toBeCloseTo((100 * 7) / terminal, 10);
      expect(performance.avgResponseTime).toBeCloseTo(mean(responses), 10);
      // Shares among calls whose sentiment is one of the three: 6 + 4 + 2 = 12.
      expect(performance.sentiment.positive).toBeCloseTo((100 * 6) / 12, 10);
      expect(performance.sentiment.neutral).toBeCloseTo((100 * 4) / 12, 10);
      expect(performance.sentiment.negative).toBeCloseTo((100 * 2) / 12, 10);
    });

    it(`breakdowns by status, direction and hour (${path})`, async () => {
      const a = await read(() => getCallAnalytics(t.db, { workspaceId }, march));
      expect(a.totalCalls).toBe(23);
      expect(a.completed).toBe(7);
      expect(a.successRate).toBeCloseTo((100 * 7) / 21, 10);
      expect(a.callsByStatus).toEqual({ queued: 0, ringing: 1, in_progress: 1, completed: 7, failed: 5, no_answer: 4, busy: 3, canceled: 2 });
      expect(a.callsByDirection).toEqual({ inbound: 14, outbound: 9 });
      expect(a.avgDuration).toBeCloseTo(mean(durations), 10);
      expect(a.longestCall).toBe(Math.max(...durations));
      expect(a.shortestCall).toBe(Math.min(...durations));
      // Every call starts on the hour UTC, i.e. at :45 of local hour (UTC hour + 5).
      const byHour = new Map<number, number>();
      for (const c of CALLS) {
        const hour = (new Date(c.startedAt).getUTCHours() + 5) % 24;
        byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
      }
      expect(a.callsByHour).toEqual(Array.from({ length: 24 }, (_, hour) => ({ hour, count: byHour.get(hour) ?? 0 })));
    });

    it(`filters narrow every figure to one category (${path})`, async () => {
      for (const [sentiment, n] of SENTIMENT_COUNTS) {
        if (!sentiment) continue;
        const a = await read(() => getCallAnalytics(t.db, { workspaceId }, march, { sentiment }));
        expect(a.totalCalls).toBe(n);
        expect(a.completed).toBe(count((c) => c.sentiment === sentiment && c.status === 'completed'));
      }
      for (const [status, n] of STATUS_COUNTS) {
        const a = await read(() => getCallAnalytics(t.db, { workspaceId }, march, { status }));
        expect(a.totalCalls).toBe(n);
      }
      for (const [direction, n] of DIRECTION_COUNTS) {
        const a = await read(() => getCallAnalytics(t.db, { workspaceId }, march, { direction }));
        expect(a.totalCalls).toBe(n);
        expect(a.callsByDirection[direction]).toBe(n);
      }
    });
  }
});
