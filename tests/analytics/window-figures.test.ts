import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWindowFigures, InvalidRangeError, type CallStatus, type Sentiment } from '@/lib/analytics';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createCall, createUsage, createWorkspace } from './fixtures';

// docs/METRICS.md "Alerts": the figures a rule reads over its trailing window, each one
// computed by hand from the calls and usage below. The window [11:07, 13:37) UTC cuts
// quarter hours at both ends, so the usage total reads raw rows at the edges, 15-minute
// rollups beside them and the hour rollup of 12:00–13:00; every record's cost is its own
// power of ten, so a record counted twice or lost shows in its own digit.

const FROM = new Date('2026-03-10T11:07:00Z');
const TO = new Date('2026-03-10T13:37:00Z');
const at = (time: string) => `2026-03-10T${time}Z`;

type Call = { at: string; status: CallStatus; agent: 'A' | 'B' | null; provider: string; duration: number | null; response: number | null; sentiment: Sentiment | null; cost: string };

// In the window: 3 completed, 2 failed, 1 busy (6 terminal), 1 in progress; sentiment 2
// positive, 1 neutral, 3 negative. Agent A has calls 1, 2, 4 and 7; retell has 3 and 4.
const IN_WINDOW: Call[] = [
  { at: '11:07:00', status: 'completed', agent: 'A', provider: 'vapi', duration: 30, response: 200, sentiment: 'positive', cost: '0.100000' },
  { at: '11:30:00', status: 'completed', agent: 'A', provider: 'vapi', duration: 60, response: 400, sentiment: 'positive', cost: '0.020000' },
  { at: '12:00:00', status: 'completed', agent: 'B', provider: 'retell', duration: 90, response: null, sentiment: 'neutral', cost: '0.003000' },
  { at: '12:45:00', status: 'failed', agent: 'A', provider: 'retell', duration: 10, response: 600, sentiment: 'negative', cost: '0.000400' },
  { at: '13:00:00', status: 'failed', agent: 'B', provider: 'vapi', duration: null, response: null, sentiment: 'negative', cost: '0.000050' },
  { at: '13:20:00', status: 'busy', agent: null, provider: 'vapi', duration: null, response: null, sentiment: 'negative', cost: '0.000006' },
  { at: '13:36:59', status: 'in_progress', agent: 'A', provider: 'vapi', duration: null, response: null, sentiment: null, cost: '1.000000' },
];
// Just outside: a second before `from`, and at `to` itself (the window is half-open).
const OUTSIDE: Call[] = [
  { at: '11:06:59', status: 'completed', agent: 'A', provider: 'vapi', duration: 5, response: 5, sentiment: 'positive', cost: '7.000000' },
  { at: '13:37:00', status: 'failed', agent: 'A', provider: 'vapi', duration: 5, response: 5, sentiment: 'negative', cost: '7.000000' },
];

describe('getWindowFigures: an alert window\'s figures by hand', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let agents: Record<'A' | 'B', string>;
  const range = { from: FROM, to: TO, timeZone: 'Asia/Kolkata' };

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'Asia/Kolkata' });
    const other = await createWorkspace(t.db);
    agents = { A: await createAgent(t.db, workspaceId), B: await createAgent(t.db, workspaceId) };
    for (const c of [...IN_WINDOW, ...OUTSIDE]) {
      await createCall(t.db, workspaceId, {
        startedAt: at(c.at), status: c.status, agentId: c.agent ? agents[c.agent] : null, provider: c.provider,
        durationSeconds: c.duration, avgResponseMs: c.response, sentiment: c.sentiment, costTotal: c.cost,
      });
    }
    await createCall(t.db, other, { startedAt: at('12:00:00'), status: 'failed', provider: 'retell', costTotal: '9.000000' });
    // Usage: out, raw edge, 15-minute rollup, hour rollup, 15-minute rollup, raw edge, out.
    const usage: [string, string][] = [
      ['11:06:59', '7.000000'], ['11:07:00', '0.000010'], ['11:20:00', '0.000100'], ['12:30:00', '0.001000'],
      ['13:10:00', '0.010000'], ['13:36:59', '0.100000'], ['13:37:00', '7.000000'],
    ];
    for (const [time, finalCost] of usage) await createUsage(t.db, workspaceId, { createdAt: at(time), finalCost });
    await createUsage(t.db, other, { createdAt: at('12:30:00'), finalCost: '5.000000' });
  });
  afterAll(() => t?.dispose());

  for (const [path, read] of [['rollups', <T>(work: () => Promise<T>) => work()], ['raw', withoutRollups]] as const) {
    it(`unfiltered: every call figure of the window, and the usage billed in it (${path})`, async () => {
      const w = await read(() => getWindowFigures(t.db, { workspaceId }, range));
      expect(w).toEqual({
        total: 7,
        completed: 3,
        failed: 2,
        terminal: 6,
        successRate: 50,
        failureRate: (100 * 2) / 6,
        avgDuration: (30 + 60 + 90 + 10) / 4,
        totalMinutes: 190 / 60,
        avgResponseTime: 400,
        sentiment: { positive: (100 * 2) / 6, neutral: (100 * 1) / 6, negative: 50 },
        counts: { terminal: 6, withDuration: 4, withResponseTime: 3 },
        billedCost: '0.111110',
      });
    });

    it(`by agent: its calls only, billed at the calls' cost_total (${path})`, async () => {
      const w = await read(() => getWindowFigures(t.db, { workspaceId }, range, { agentId: agents.A }));
      expect(w).toMatchObject({ total: 4, completed: 2, failed: 1, terminal: 3, failureRate: 100 / 3, billedCost: '1.120400' });
      expect(w.successRate).toBeCloseTo(200 / 3, 12);
      expect(w.avgDuration).toBeCloseTo(100 / 3, 12);
      expect(w.counts).toEqual({ terminal: 3, withDuration: 3, withResponseTime: 3 });
    });

    it(`by provider, and by agent and provider together (${path})`, async () => {
      const retell = await read(() => getWindowFigures(t.db, { workspaceId }, range, { provider: 'retell' }));
      expect(retell).toMatchObject({ total: 2, completed: 1, failed: 1, terminal: 2, successRate: 50, failureRate: 50, billedCost: '0.003400' });
      expect(retell.sentiment).toEqual({ positive: 0, neutral: 50, negative: 50 });
      const both = await read(() => getWindowFigures(t.db, { workspaceId }, range, { agentId: agents.A, provider: 'vapi' }));
      expect(both).toMatchObject({ total: 3, completed: 2, failed: 0, terminal: 2, successRate: 100, failureRate: 0, billedCost: '1.120000' });
    });
  }

  it('an empty window is all zeros, the cost an exact zero, filtered or not', async () => {
    const empty = { from: new Date('2026-03-11T00:00:00Z'), to: new Date('2026-03-11T01:00:00Z'), timeZone: 'UTC' };
    const zero = {
      total: 0, completed: 0, failed: 0, terminal: 0, successRate: 0, failureRate: 0, avgDuration: 0, totalMinutes: 0, avgResponseTime: 0,
      sentiment: { positive: 0, neutral: 0, negative: 0 }, counts: { terminal: 0, withDuration: 0, withResponseTime: 0 }, billedCost: '0.000000',
    };
    expect(await getWindowFigures(t.db, { workspaceId }, empty)).toEqual(zero);
    expect(await getWindowFigures(t.db, { workspaceId }, empty, { provider: 'vapi' })).toEqual(zero);
  });

  it('refuses a window that ends before it starts, naming `to`', async () => {
    const backwards = getWindowFigures(t.db, { workspaceId }, { from: TO, to: FROM, timeZone: 'UTC' });
    await expect(backwards).rejects.toBeInstanceOf(InvalidRangeError);
    await expect(backwards).rejects.toMatchObject({ param: 'to' });
  });
});
