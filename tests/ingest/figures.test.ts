import { beforeAll, describe, expect, it } from 'vitest';
import { GET as agentPerformance } from '@/app/api/workspaces/[id]/agents/[agentId]/performance/route';
import { GET as callAnalytics } from '@/app/api/workspaces/[id]/calls/analytics/route';
import { GET as calls } from '@/app/api/workspaces/[id]/calls/route';
import { GET as overview } from '@/app/api/workspaces/[id]/overview/route';
import { POST } from '@/app/api/v1/events/route';
import { createApiKey } from '@/lib/apikeys';
import { CLI_ACTOR } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { withSeededWorld, type World } from '../api/fixtures';
import { call, type TestUser } from '../api/session';

/**
 * Every field of every event type lands where docs/METRICS.md reads it: a known set of
 * events sent through POST /api/v1/events, then the dashboard's own endpoints, against
 * figures computed by hand (below each expectation).
 */
let db: Db;
let w: World;
let ws: string;
let owner: TestUser;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

const day = new Date(Date.now() - 3 * 86_400_000);
day.setUTCHours(0, 0, 0, 0);
const at = (h: number, m = 0) => new Date(day.getTime() + (h * 60 + m) * 60_000).toISOString();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const RANGE = `from=${iso(new Date(day.getTime() - 86_400_000))}&to=${iso(new Date(day.getTime() + 86_400_000))}`;

beforeAll(async () => {
  const g = await db.workspace.create({ data: { name: 'Gamma', slug: 'gamma', timezone: 'UTC', status: 'active', subscriptionTier: 'pro' } }); // markup 1.3
  ws = g.id;
  owner = w.ownerA;
  await db.membership.create({ data: { userId: owner.id, workspaceId: ws, role: 'owner' } });
  const { key } = await createApiKey(db, { workspaceId: ws, name: 'figures', actor: CLI_ACTOR });
  const e = (id: string, type: string, occurred: string, data: Record<string, unknown>) => ({ id, type, occurred_at: occurred, data });
  const events = [
    // c1: started then ended, two usage lines (one priced by markup, one billed)
    e('c1-s', 'call.started', at(10), { call_id: 'c1', agent: { id: 'ag1', name: 'Ava' }, direction: 'inbound', caller_number: '+15550001', started_at: at(10) }),
    e('c1-e', 'call.ended', at(10, 5), { call_id: 'c1', status: 'completed', ended_at: at(10, 5), duration_seconds: 300, sentiment: 'positive', voice_provider: 'vapi', avg_response_ms: 800, intent: 'billing', ended_reason: 'customer-ended-call', metadata: { campaign: 'spring' } }),
    e('c1-u1', 'usage.recorded', at(10, 5), { call_id: 'c1', provider: 'twilio', usage_type: 'telephony_minutes', quantity: '5', cost: '0.050000' }),
    e('c1-u2', 'usage.recorded', at(10, 5), { call_id: 'c1', provider: 'openai', usage_type: 'llm_tokens', quantity: 1500, cost: 0.1, billed: '0.200000' }),
    // c2: only an ended event (arriving first), duration derived from started/ended
    e('c2-e', 'call.ended', at(11, 1), { call_id: 'c2', agent: { id: 'ag1' }, direction: 'outbound', status: 'failed', started_at: at(11), ended_at: at(11, 1), sentiment: 'negative', voice_provider: 'retell', avg_response_ms: 1200, intent: 'billing' }),
    e('c2-u', 'usage.recorded', at(11, 1), { call_id: 'c2', provider: 'twilio', usage_type: 'telephony_minutes', quantity: '1', cost: '0.010000' }),
    // c3: updated before started, never ended
    e('c3-u', 'call.updated', at(12, 1), { call_id: 'c3', sentiment: 'neutral', metadata: { intent: 'support' } }),
    e('c3-s', 'call.started', at(12), { call_id: 'c3', agent: { id: 'ag2', name: 'Bo' }, direction: 'inbound' }),
    // usage without a call
    e('u-free', 'usage.recorded', at(12, 30), { provider: 'deepgram', usage_type: 'stt_minutes', quantity: '2', cost: '0.000005' }),
  ];
  // c2's ended first, then everything in order, then all of it again (duplicates)
  const send = (body: unknown) => call(POST as never, '/api/v1/events', {}, null, { method: 'POST', body, headers: { authorization: `Bearer ${key}`, origin: null } });
  expect((await send(events[4])).status).toBe(200);
  const r = await send({ events });
  expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'duplicate', 'accepted', 'accepted', 'accepted', 'accepted']);
  expect((await send({ events })).body.results.every((x: { status: string }) => x.status === 'duplicate')).toBe(true);
});

describe('ingested events on the dashboard', () => {
  it('overview figures', async () => {
    const r = await call(overview, `/api/workspaces/${ws}/overview?${RANGE}`, { id: ws }, owner);
    expect(r.status).toBe(200);
    expect(r.body.calls).toEqual({ total: 3, completed: 1, failed: 1, avgDuration: 180, totalMinutes: 6 }); // (300+60)/2; 360 s
    // 0.05 × 1.3 = 0.065, billed 0.2, 0.01 × 1.3 = 0.013, 0.000005 × 1.3 = 0.0000065 → 0.000006 (half-even)
    expect(r.body.cost.total).toBe('0.278006');
    expect(r.body.cost.byProvider).toEqual({ twilio: '0.078000', openai: '0.200000', deepgram: '0.000006' });
    expect(r.body.performance.successRate).toBe(50); // 1 completed of 2 terminal
    expect(r.body.performance.avgResponseTime).toBe(1000); // (800+1200)/2
  });

  it('call analytics: status, direction, agents, hours', async () => {
    const r = await call(callAnalytics, `/api/workspaces/${ws}/calls/analytics?${RANGE}`, { id: ws }, owner);
    expect(r.status).toBe(200);
    expect(r.body.callsByStatus).toMatchObject({ completed: 1, failed: 1, in_progress: 1 });
    expect(r.body.callsByDirection).toEqual({ inbound: 2, outbound: 1 });
    expect(r.body.callsByAgent.map((a: Record<string, unknown>) => [a.agentName, a.count, a.completed, a.successRate, a.totalMinutes, a.cost])).toEqual([
      ['Ava', 2, 1, 50, 6, '0.278000'],
      ['Bo', 1, 0, 0, 0, '0.000000'],
    ]);
    expect(r.body.callsByHour.filter((h: { count: number }) => h.count).map((h: { hour: number }) => h.hour)).toEqual([10, 11, 12]);
    expect([r.body.longestCall, r.body.shortestCall]).toEqual([300, 60]);
  });

  it('the calls list, intents and the stored fields', async () => {
    const r = await call(calls, `/api/workspaces/${ws}/calls?${RANGE}&sort=started_at&order=asc`, { id: ws }, owner);
    expect(r.status).toBe(200);
    expect(r.body.items.map((c: Record<string, unknown>) => [c.agentName, c.callerNumber, c.direction, c.status, c.durationSeconds, c.cost, c.sentiment, c.provider, c.intent])).toEqual([
      ['Ava', '+15550001', 'inbound', 'completed', 300, '0.265000', 'positive', 'vapi', 'billing'],
      ['Ava', null, 'outbound', 'failed', 60, '0.013000', 'negative', 'retell', 'billing'],
      ['Bo', null, 'inbound', 'in_progress', null, '0.000000', 'neutral', null, 'support'],
    ]);
    const ava = await db.voiceAgent.findFirstOrThrow({ where: { workspaceId: ws, externalId: 'ag1' } });
    const perf = await call(agentPerformance, `/api/workspaces/${ws}/agents/${ava.id}/performance?${RANGE}`, { id: ws, agentId: ava.id }, owner);
    expect(perf.body.topIntents).toEqual([{ intent: 'billing', count: 2 }]);
    const c1 = await db.call.findFirstOrThrow({ where: { workspaceId: ws, externalId: 'c1' } });
    expect(c1).toMatchObject({ endedReason: 'customer-ended-call', metadata: { campaign: 'spring', intent: 'billing' }, avgResponseMs: 800, source: 'api' });
    expect(c1.startedAt.toISOString()).toBe(at(10));
    expect(c1.endedAt!.toISOString()).toBe(at(10, 5));
    const c3 = await db.call.findFirstOrThrow({ where: { workspaceId: ws, externalId: 'c3' } });
    expect(c3.startedAt.toISOString()).toBe(at(12)); // the earliest event's time, no started_at given
    expect(c3.metadata).toEqual({ intent: 'support' });
  });
});
