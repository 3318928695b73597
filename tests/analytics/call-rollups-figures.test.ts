import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getAgentPerformance,
  getCallAnalytics,
  getPlatformOverview,
  getProviderAnalytics,
  getUsageSummary,
  getWorkspaceList,
  getWorkspaceOverview,
  type CallFilters,
  type TimeRange,
} from '@/lib/analytics';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createWorkspace } from './fixtures';

/**
 * Every analytics function gives exactly the same result reading the rollups as reading
 * the raw tables only (withoutRollups), for ranges whose ends cut 15-minute buckets and
 * UTC days, in zones with :00, :30 and :45 offsets, on the days clocks change, with every
 * filter. The raw path is the reference the hand-computed tests of each function check.
 */

const STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'completed', 'completed', 'failed', 'no_answer', 'busy', 'canceled'] as const;
const ZONES = ['America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu'];
// Around the US spring-forward (2026-03-08) and fall-back (2026-11-01) days.
const SPANS = [
  [Date.parse('2026-03-05T00:00:00Z'), 7 * 86_400_000],
  [Date.parse('2026-10-29T00:00:00Z'), 6 * 86_400_000],
] as const;

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANGES: [string, string][] = [
  ['2026-03-08T05:07:13.250Z', '2026-03-09T06:52:01.001Z'],
  ['2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'],
  ['2026-03-07T18:15:00Z', '2026-03-08T18:30:00Z'],
  ['2026-03-06T10:05:00Z', '2026-03-06T10:11:00Z'],
  ['2026-03-05T00:00:00Z', '2026-03-12T00:00:00Z'],
  ['2026-10-31T23:59:59.999Z', '2026-11-02T12:00:00.001Z'],
  ['2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'],
  ['2026-03-01T00:00:00.001Z', '2026-11-10T00:00:00Z'],
];

describe('analytics read through the call rollups equal the raw tables', () => {
  let t: TestDatabase;
  let workspaces: string[];
  const agents = new Map<string, string[]>();
  const rnd = random(424242);
  const pick = <T,>(values: readonly T[]) => values[Math.floor(rnd() * values.length)]!;

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaces = [];
    for (const zone of ZONES) {
      const ws = await createWorkspace(t.db, { timezone: zone });
      workspaces.push(ws);
      const list = [await createAgent(t.db, ws, { name: 'Zed' }), await createAgent(t.db, ws, { name: 'Alpha' }), await createAgent(t.db, ws, { name: 'Alpha' })];
      list.push(await createAgent(t.db, ws, { name: 'Gone', deletedAt: new Date('2026-03-07T00:00:00Z') }));
      agents.set(ws, list);
    }
    const calls = [];
    const usage = [];
    for (let i = 0; i < 2400; i++) {
      const [start, span] = pick(SPANS);
      // A third of the calls on bucket and day edges, where an off-by-one would show.
      const edge = rnd() < 0.33;
      const at = edge ? start + Math.floor(rnd() * (span / 900_000)) * 900_000 + pick([0, 1, -1, 899_999]) : start + Math.floor(rnd() * span);
      const ws = pick(workspaces);
      const status = pick(STATUSES);
      calls.push({
        workspaceId: ws,
        agentId: rnd() < 0.1 ? null : pick(agents.get(ws)!),
        direction: pick(['inbound', 'outbound'] as const),
        status,
        durationSeconds: rnd() < 0.15 ? null : Math.floor(rnd() * 1200),
        startedAt: new Date(at),
        sentiment: pick(['positive', 'neutral', 'negative', null] as const),
        voiceProviderUsed: pick(['elevenlabs', 'cartesia', 'playht', null] as const),
        avgResponseMs: rnd() < 0.3 ? null : 100 + Math.floor(rnd() * 1000),
        costTotal: (Math.floor(rnd() * 9_000_000) / 1_000_000).toFixed(6),
        intent: pick(['book', 'cancel', 'billing', 'complaint', 'hours', 'quote', null] as const),
      });
      if (rnd() < 0.5) {
        usage.push({
          workspaceId: ws,
          provider: pick(['twilio', 'openai', 'elevenlabs']),
          usageType: pick(['telephony_minutes', 'llm_tokens']),
          quantity: String(Math.floor(rnd() * 100)),
          totalCost: (Math.floor(rnd() * 3_000_000) / 1_000_000).toFixed(6),
          finalCost: (Math.floor(rnd() * 4_000_000) / 1_000_000).toFixed(6),
          createdAt: new Date(at + Math.floor(rnd() * 600_000)),
        });
      }
    }
    // Several statements, so the triggers (not one bulk rebuild) built the rollups.
    for (let i = 0; i < calls.length; i += 400) await t.db.call.createMany({ data: calls.slice(i, i + 400) });
    await t.db.usageRecord.createMany({ data: usage });
    // Then some history rewritten: statuses, durations and starts moved.
    await t.db.$executeRaw`UPDATE calls SET status = 'completed', duration_seconds = 61 WHERE status = 'in_progress' AND agent_id IS NOT NULL`;
    await t.db.$executeRaw`UPDATE calls SET started_at = started_at + interval '15 minutes' WHERE intent = 'hours'`;
    await t.db.$executeRaw`DELETE FROM calls WHERE intent = 'quote' AND status = 'failed'`;
  });
  afterAll(() => t?.dispose());

  const same = async <T,>(work: () => Promise<T>) => {
    const raw = await withoutRollups(work);
    expect(await work()).toEqual(raw);
    return raw;
  };

  for (const [fromIso, toIso] of RANGES) {
    for (const timeZone of ZONES) {
      it(`workspace figures, ${fromIso} – ${toIso} in ${timeZone}`, async () => {
        const range: TimeRange = { from: new Date(fromIso), to: new Date(toIso), timeZone };
        let seen = 0;
        // The range's zone is what matters; one workspace per zone keeps the suite short.
        for (const ws of [workspaces[ZONES.indexOf(timeZone)]!]) {
          const scope = { workspaceId: ws };
          const [a0, a1, , gone] = agents.get(ws)!;
          await same(() => getWorkspaceOverview(t.db, scope, range));
          const filterSets: CallFilters[] = [
            {}, { agentId: a0 }, { agentId: gone }, { status: 'completed' }, { direction: 'outbound' }, { provider: 'cartesia' },
            { sentiment: 'negative' }, { hour: 9 }, { agentId: a1, status: 'failed' }, { hour: 14, direction: 'inbound', sentiment: 'positive' },
          ];
          for (const filters of filterSets) {
            const result = await same(() => getCallAnalytics(t.db, scope, range, filters));
            seen += result.totalCalls;
          }
          for (const agent of [a0!, gone!]) await same(() => getAgentPerformance(t.db, scope, agent, range));
        }
        // The multi-day ranges hold calls: the comparison is not of empty results.
        if (new Date(toIso).getTime() - new Date(fromIso).getTime() > 86_400_000) expect(seen).toBeGreaterThan(0);
      });
    }

    it(`platform figures and usage, ${fromIso} – ${toIso}`, async () => {
      const range: TimeRange = { from: new Date(fromIso), to: new Date(toIso), timeZone: 'UTC' };
      await same(() => getPlatformOverview(t.db, range));
      await same(() => getProviderAnalytics(t.db, range));
      await same(() => getWorkspaceList(t.db, range));
      for (const ws of workspaces) await same(() => getUsageSummary(t.db, { workspaceId: ws }, range));
      await same(() => getCallAnalytics(t.db, { platform: true }, range));
    });
  }
});
