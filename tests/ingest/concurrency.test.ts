import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type Db } from '@/lib/db';
import { ingestEvents, payloadHash, type IngestCommand, type IngestEvent, type IngestTarget } from '@/lib/ingest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let db: Db;
let replayed: IngestTarget;
let once: IngestTarget;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db.subscriptionTier.create({ data: { tierName: 'pro', monthlyFee: '99', markup: '1.2500' } });
  const a = await db.workspace.create({ data: { name: 'Replayed', slug: 'replayed', subscriptionTier: 'pro' } });
  const b = await db.workspace.create({ data: { name: 'Once', slug: 'once', subscriptionTier: 'pro' } });
  replayed = { workspaceId: a.id, source: 'api' };
  once = { workspaceId: b.id, source: 'api' };
});
afterAll(() => t?.dispose());

const CALLS = 2000; // × 5 events = 10,000 events
const T0 = Date.parse('2026-11-20T00:00:00Z');

/** Per call: started, updated, ended, a keyed usage line delivered twice (the later wins) and an unkeyed one. */
function dataset(): IngestEvent[] {
  const events: IngestEvent[] = [];
  const e = (id: string, ms: number, commands: IngestCommand[]): IngestEvent => ({ eventId: id, occurredAt: new Date(ms), payloadHash: payloadHash({ id, ms, commands }), type: 't', commands });
  for (let i = 0; i < CALLS; i++) {
    const c = `call-${i}`;
    const t = T0 + i * 20_000; // calls 20 s apart: many share 15-minute rollup buckets
    const agent = { externalId: `agent-${i % 7}`, name: `Agent ${i % 7}` };
    events.push(e(`${c}:started`, t, [{ kind: 'call.upsert', callExternalId: c, impliedStatus: 'in_progress', fields: { agent, direction: i % 2 ? 'outbound' : 'inbound', startedAt: new Date(t) } }]));
    events.push(e(`${c}:updated`, t + 1000, [{ kind: 'call.upsert', callExternalId: c, fields: { sentiment: i % 3 ? 'positive' : 'negative', intent: `intent-${i % 4}` } }]));
    events.push(
      e(`${c}:ended`, t + 9000, [
        { kind: 'call.upsert', callExternalId: c, fields: { status: i % 5 ? 'completed' : 'failed', endedAt: new Date(t + 9000) } },
        { kind: 'usage.record', callExternalId: c, lineKey: `${c}:llm`, provider: 'openai', usageType: 'llm_tokens', quantity: '100', cost: '0.010000' },
      ]),
    );
    // re-sent with another id and a later time: replaces the line above
    events.push(e(`${c}:llm-final`, t + 9500, [{ kind: 'usage.record', callExternalId: c, lineKey: `${c}:llm`, provider: 'openai', usageType: 'llm_tokens', quantity: '120', cost: '0.012000' }]));
    events.push(e(`${c}:minutes`, t + 9600, [{ kind: 'usage.record', callExternalId: c, provider: 'twilio', usageType: 'minutes', quantity: '0.15', cost: '0.002000', billed: '0.003000' }]));
  }
  return events;
}

function shuffle<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function snapshot(ws: string) {
  const calls = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT c.external_id, a.external_id AS agent, c.direction::text, c.status::text, c.started_at, c.ended_at, c.duration_seconds, c.sentiment::text,
           c.intent, c.metadata, c.cost_total::text
    FROM calls c LEFT JOIN voice_agents a ON a.id = c.agent_id WHERE c.workspace_id = ${ws}::uuid ORDER BY c.external_id`);
  const usage = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT u.external_call_id, u.line_key, u.provider, u.quantity::text, u.total_cost::text, u.final_cost::text, u.created_at, (u.call_id IS NOT NULL) AS linked
    FROM usage_records u WHERE u.workspace_id = ${ws}::uuid ORDER BY u.external_call_id, u.provider`);
  const rollups = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT bucket_start, provider, usage_type, record_count, quantity::text, total_cost::text, final_cost::text
    FROM usage_rollups WHERE workspace_id = ${ws}::uuid ORDER BY 1, 2, 3`);
  const [totals] = await db.$queryRaw<{ calls: bigint; billed: string; completed: bigint; agents: bigint; events: bigint }[]>(Prisma.sql`
    SELECT (SELECT count(*) FROM calls WHERE workspace_id = ${ws}::uuid) AS calls,
           (SELECT sum(final_cost)::text FROM usage_records WHERE workspace_id = ${ws}::uuid) AS billed,
           (SELECT count(*) FROM calls WHERE workspace_id = ${ws}::uuid AND status = 'completed') AS completed,
           (SELECT count(*) FROM voice_agents WHERE workspace_id = ${ws}::uuid) AS agents,
           (SELECT count(*) FROM ingest_events WHERE workspace_id = ${ws}::uuid) AS events`);
  return { calls, usage, rollups, totals: totals! };
}

describe('concurrent replays', () => {
  it('8 clients replaying the same 10,000 events 5 times in shuffled order end with the totals of one delivery, without a deadlock', async () => {
    const events = dataset();
    expect(events).toHaveLength(10_000);
    const BATCH = 250;
    for (let i = 0; i < events.length; i += 1000) await ingestEvents(db, once, events.slice(i, i + 1000));

    // 5 deliveries, each shuffled differently, cut into batches shared by 8 concurrent clients.
    const batches: IngestEvent[][] = [];
    for (let round = 0; round < 5; round++) {
      const order = shuffle(events, 7 + round);
      for (let i = 0; i < order.length; i += BATCH) batches.push(order.slice(i, i + BATCH));
    }
    const retries: unknown[] = [];
    const statuses = { accepted: 0, duplicate: 0, rejected: 0 };
    let next = 0;
    const client = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        for (const r of await ingestEvents(db, replayed, batch, { maxRetries: 10, onRetry: (error) => retries.push(error) })) statuses[r.status]++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));

    expect(statuses).toEqual({ accepted: 10_000, duplicate: 40_000, rejected: 0 });
    const deadlocks = retries.filter((e) => /40P01|deadlock/.test(String((e as Error)?.message ?? e)));
    expect(deadlocks).toHaveLength(0);

    const a = await snapshot(replayed.workspaceId);
    const b = await snapshot(once.workspaceId);
    // hand-computed totals of one delivery
    expect(Number(a.totals.calls)).toBe(CALLS);
    expect(Number(a.totals.completed)).toBe(CALLS - CALLS / 5);
    expect(Number(a.totals.agents)).toBe(7);
    expect(Number(a.totals.events)).toBe(10_000);
    // per call: 0.012 × 1.25 = 0.015 (keyed line, replaced) + 0.003 billed = 0.018
    expect(a.totals.billed).toBe((0.018 * CALLS).toFixed(6));
    expect(a.calls.every((c) => c.cost_total === '0.018000')).toBe(true);
    expect(a.usage.filter((u) => u.linked)).toHaveLength(2 * CALLS);
    expect(a.usage).toHaveLength(2 * CALLS);
    // and exactly what one ordered delivery gives
    expect(a.calls).toEqual(b.calls);
    expect(a.usage).toEqual(b.usage);
    expect(a.rollups).toEqual(b.rollups);
  }, 600_000);

  it('8 clients writing new events that cross (an update of call X with usage of call Y, and the reverse) never deadlock', async () => {
    // The pattern that deadlocked before ingestion took a per-workspace lock: usage of an
    // already-written call Y changes Y's cost after the batch's call rows and the platform
    // rollups were taken, so two batches [update X, usage Y] and [update Y, usage X] took
    // call_rollups rows in opposite orders.
    const ws = await db.workspace.create({ data: { name: 'Crossing', slug: 'crossing', subscriptionTier: 'pro' } });
    const target: IngestTarget = { workspaceId: ws.id, source: 'api' };
    const e = (id: string, ms: number, commands: IngestCommand[]): IngestEvent => ({ eventId: id, occurredAt: new Date(ms), payloadHash: payloadHash({ id, ms, commands }), type: 't', commands });
    const N = 16;
    await ingestEvents(
      db,
      target,
      Array.from({ length: N }, (_, i) =>
        e(`x-${i}:started`, T0 + i, [{ kind: 'call.upsert', callExternalId: `x-${i}`, fields: { agent: { externalId: `agent-${i % 4}` }, direction: 'inbound', status: 'in_progress', startedAt: new Date(T0 + i * 60_000) } }]),
      ),
    );
    const batches: IngestEvent[][] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < N; i++) {
        const x = `x-${i}`;
        const y = `x-${(i * 7 + round + 1) % N}`;
        batches.push([
          e(`r${round}:${x}:upd`, T0 + 1000 + round, [{ kind: 'call.upsert', callExternalId: x, fields: { avgResponseMs: 100 + round, sentiment: round % 2 ? 'positive' : 'negative' } }]),
          e(`r${round}:${y}:use`, T0 + 1000 + round, [{ kind: 'usage.record', callExternalId: y, provider: 'twilio', usageType: 'minutes', quantity: '1', cost: '0.001000' }]),
        ]);
      }
    }
    const retries: unknown[] = [];
    let next = 0;
    const client = async () => {
      while (next < batches.length) await ingestEvents(db, target, batches[next++]!, { maxRetries: 10, onRetry: (error) => retries.push(error) });
    };
    await Promise.all(Array.from({ length: 8 }, client));
    const deadlocks = retries.filter((error) => /40P01|deadlock/.test(String((error as Error)?.message ?? error)));
    expect(deadlocks).toHaveLength(0);
    // Every usage line landed once, on its call: 8 rounds × N lines of 0.001 × 1.25.
    const [totals] = await db.$queryRaw<{ lines: number; billed: string; cost: string }[]>(Prisma.sql`
      SELECT (SELECT count(*)::int FROM usage_records WHERE workspace_id = ${ws.id}::uuid AND call_id IS NOT NULL) AS lines,
             (SELECT sum(final_cost)::text FROM usage_records WHERE workspace_id = ${ws.id}::uuid) AS billed,
             (SELECT sum(cost_total)::text FROM calls WHERE workspace_id = ${ws.id}::uuid) AS cost`);
    expect(totals).toEqual({ lines: 8 * N, billed: (8 * N * 0.00125).toFixed(6), cost: (8 * N * 0.00125).toFixed(6) });
  }, 600_000);
});
