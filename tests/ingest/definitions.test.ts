import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma, type Db } from '@/lib/db';
import { ingestEvents, payloadHash, pruneIngestEvents, type IngestCommand, type IngestEvent, type IngestTarget } from '@/lib/ingest';
import { isRetryable } from '@/lib/ingest/ingest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * docs/METRICS.md, "Ingested data", clause by clause, on the real write path: idempotency
 * (duplicate vs conflict, ≥ 35 days), usage lines replaced by their line key, final_cost =
 * billed or cost × markup, calls.cost_total = the sum of its lines' final_cost, agents
 * named on first sight, identity per (workspace, source, external id). Everything is
 * written inside the tests (not in beforeAll) so mutation testing ties each line to them.
 * Every workspace here starts empty; amounts differ per line so a swapped line shows.
 */
let t: TestDatabase;
let db: Db;
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db.subscriptionTier.create({ data: { tierName: 'scale', monthlyFee: '499', markup: '1.2500' } });
});
afterAll(() => t?.dispose());

async function workspace(tier: string | null = 'scale', source = 'api'): Promise<IngestTarget> {
  n++;
  const w = await db.workspace.create({ data: { name: `W${n}`, slug: `w-${n}`, ...(tier ? { subscriptionTier: tier } : {}) } });
  return { workspaceId: w.id, source };
}

const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
function event(id: string, minutes: number, commands: IngestCommand[], salt = ''): IngestEvent {
  return { eventId: id, occurredAt: at(minutes), payloadHash: payloadHash({ id, minutes, commands, salt }), type: 'test', commands };
}
const call = (callExternalId: string, fields: Extract<IngestCommand, { kind: 'call.upsert' }>['fields']): IngestCommand => ({ kind: 'call.upsert', callExternalId, fields });
const usage = (u: Omit<Extract<IngestCommand, { kind: 'usage.record' }>, 'kind'>): IngestCommand => ({ kind: 'usage.record', ...u });
const statuses = (results: { status: string }[]) => results.map((r) => r.status);

async function snapshot(w: IngestTarget) {
  const calls = await db.call.findMany({ where: { workspaceId: w.workspaceId }, orderBy: { externalId: 'asc' } });
  const lines = await db.usageRecord.findMany({ where: { workspaceId: w.workspaceId }, orderBy: [{ lineKey: 'asc' }, { provider: 'asc' }] });
  const rollups = await db.usageRollup.findMany({ where: { workspaceId: w.workspaceId }, orderBy: [{ bucketStart: 'asc' }, { provider: 'asc' }] });
  const agents = await db.voiceAgent.findMany({ where: { workspaceId: w.workspaceId }, orderBy: { externalId: 'asc' } });
  const events = await db.ingestEvent.count({ where: { workspaceId: w.workspaceId } });
  return { calls, lines, rollups, agents, events };
}

async function costOf(w: IngestTarget, externalId: string): Promise<string> {
  const row = await db.call.findFirstOrThrow({ where: { workspaceId: w.workspaceId, source: w.source, externalId } });
  return row.costTotal.toFixed(6);
}

/** usage_rollups agree with usage_records: one row per (bucket, provider, type) with lines, holding their count and sums. */
async function rollupsMatchLines(w: IngestTarget) {
  const rows = await db.$queryRaw<{ bad: bigint }[]>(Prisma.sql`
    SELECT count(*) AS bad FROM (
      SELECT date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') b, provider, usage_type, count(*)::int n,
             sum(quantity) q, sum(total_cost) c, sum(final_cost) f
      FROM usage_records WHERE workspace_id = ${w.workspaceId}::uuid GROUP BY 1, 2, 3
    ) x FULL JOIN (SELECT * FROM usage_rollups WHERE workspace_id = ${w.workspaceId}::uuid) r
      ON r.bucket_start = x.b AND r.provider = x.provider AND r.usage_type = x.usage_type
    WHERE x.n IS DISTINCT FROM r.record_count OR x.q IS DISTINCT FROM r.quantity OR x.c IS DISTINCT FROM r.total_cost OR x.f IS DISTINCT FROM r.final_cost`);
  return Number(rows[0]!.bad);
}

describe('idempotency: duplicate vs conflict', () => {
  it('the same id and payload is a duplicate that changes nothing; another payload is a conflict on field id that changes nothing', async () => {
    const w = await workspace();
    const first = event('e-1', 0, [call('c-1', { status: 'completed', sentiment: 'positive', agent: { externalId: 'ag', name: 'Ann' } }), usage({ callExternalId: 'c-1', provider: 'twilio', usageType: 'minutes', quantity: '3', cost: '0.040000' })]);
    const [accepted] = await ingestEvents(db, w, [first]);
    const callId = (await db.call.findFirstOrThrow({ where: { workspaceId: w.workspaceId, externalId: 'c-1' } })).id;
    expect(accepted).toEqual({ eventId: 'e-1', status: 'accepted', callIds: [callId], usageRecords: 1 });
    const before = await snapshot(w);
    expect(await ingestEvents(db, w, [first])).toEqual([{ eventId: 'e-1', status: 'duplicate' }]);
    const other = event('e-1', 0, [call('c-1', { status: 'failed', sentiment: 'negative' }), usage({ callExternalId: 'c-1', provider: 'twilio', usageType: 'minutes', quantity: '9', cost: '9' })], 'changed');
    expect(await ingestEvents(db, w, [other])).toEqual([
      { eventId: 'e-1', status: 'rejected', error: { field: 'id', message: 'An event with this id was already received with a different payload' } },
    ]);
    expect(await snapshot(w)).toEqual(before);
    expect(before.lines.map((l) => l.finalCost.toFixed(6))).toEqual(['0.050000']); // 0.04 × 1.25
  });

  it('repeats inside one batch: the first occurrence speaks for the id', async () => {
    const w = await workspace();
    const a = event('r-a', 1, [call('c-r', { callerNumber: '+1' })]);
    const aOther = { ...a, payloadHash: 'another payload' };
    const b = event('r-b', 2, [call('c-r', { sentiment: 'neutral' })]);
    // new id: accepted, then duplicate (same payload) or rejected (other payload)
    expect(statuses(await ingestEvents(db, w, [a, aOther, a, b, b]))).toEqual(['accepted', 'rejected', 'duplicate', 'accepted', 'duplicate']);
    // a stored id sent twice with its payload: both duplicates
    expect(statuses(await ingestEvents(db, w, [a, a]))).toEqual(['duplicate', 'duplicate']);
    // a stored id sent twice with another payload: both conflicts, even the second (same as the first of the batch)
    expect(statuses(await ingestEvents(db, w, [aOther, aOther]))).toEqual(['rejected', 'rejected']);
    // a stored id: its payload then another one
    const results = await ingestEvents(db, w, [a, aOther, event('r-c', 3, [call('c-r', { endedReason: 'done' })])]);
    expect(results.map((r) => [r.eventId, r.status, r.status === 'rejected' ? r.error.field : null])).toEqual([
      ['r-a', 'duplicate', null],
      ['r-a', 'rejected', 'id'],
      ['r-c', 'accepted', null],
    ]);
    const row = await db.call.findFirstOrThrow({ where: { workspaceId: w.workspaceId, externalId: 'c-r' } });
    expect([row.callerNumber, row.sentiment, row.endedReason]).toEqual(['+1', 'neutral', 'done']);
    expect(await db.ingestEvent.count({ where: { workspaceId: w.workspaceId } })).toBe(3);
  });

  it('an id counts once per workspace: the same id elsewhere is a new event', async () => {
    const w1 = await workspace();
    const w2 = await workspace();
    const e = event('shared', 0, [usage({ provider: 'deepgram', usageType: 'stt', quantity: '1', cost: '0.200000' })]);
    expect(statuses(await ingestEvents(db, w1, [e]))).toEqual(['accepted']);
    expect(statuses(await ingestEvents(db, w2, [e]))).toEqual(['accepted']);
    expect(statuses(await ingestEvents(db, w2, [{ ...e, payloadHash: 'x' }]))).toEqual(['rejected']);
    expect(await db.usageRecord.count({ where: { workspaceId: { in: [w1.workspaceId, w2.workspaceId] } } })).toBe(2);
  });
});

describe('retention of event ids', () => {
  it('keeps every id received 35 days ago or later (by received_at, not occurred_at), deletes older ones, says how many', async () => {
    const w = await workspace();
    const now = new Date('2026-12-01T12:00:00.000Z');
    const cutoff = now.getTime() - 35 * 86_400_000;
    const rows: [string, number, Date][] = [
      ['older-2', cutoff - 2 * 86_400_000, at(0)],
      ['older-1', cutoff - 1, at(0)],
      ['exactly-35-days', cutoff, at(0)],
      ['recent-but-old-occurrence', now.getTime() - 1000, new Date('2025-01-01T00:00:00Z')],
    ];
    for (const [eventId, received, occurredAt] of rows) {
      await db.ingestEvent.create({ data: { workspaceId: w.workspaceId, eventId, payloadHash: 'h', source: 'api', type: 't', occurredAt, receivedAt: new Date(received) } });
    }
    const kept = () => db.ingestEvent.findMany({ where: { workspaceId: w.workspaceId }, orderBy: { eventId: 'asc' }, select: { eventId: true } });
    expect(await pruneIngestEvents(db, new Date(now.getTime() - 86_400_000))).toBe(1);
    expect(await pruneIngestEvents(db, now)).toBe(1);
    expect((await kept()).map((r) => r.eventId)).toEqual(['exactly-35-days', 'recent-but-old-occurrence']);
    expect(await pruneIngestEvents(db, now)).toBe(0);
  });
});

describe('usage lines and their price', () => {
  it('final_cost is billed when given, else cost × the tier markup half-even; 1 without a tier; total_cost is cost; created_at is occurred_at', async () => {
    const tiered = await workspace('scale');
    const untiered = await workspace(null);
    const lines = [
      event('p-1', 0, [usage({ callExternalId: 'c-p', provider: 'twilio', usageType: 'minutes', quantity: '1.5', cost: '0.000010' })]), // × 1.25 = 0.0000125 → 0.000012
      event('p-2', 20, [usage({ callExternalId: 'c-p', provider: 'openai', usageType: 'tokens', quantity: '1200', cost: '0.300000', billed: '0.450000' })]),
      event('p-3', 40, [usage({ callExternalId: 'c-p', provider: 'deepgram', usageType: 'stt', quantity: '2', cost: '0.000030', billed: '0' })]), // billed 0 is a price
    ];
    for (const w of [tiered, untiered]) {
      const results = await ingestEvents(db, w, lines);
      expect(results).toEqual(lines.map((l) => ({ eventId: l.eventId, status: 'accepted', callIds: [], usageRecords: 1 })));
    }
    const view = async (w: IngestTarget) =>
      (await db.usageRecord.findMany({ where: { workspaceId: w.workspaceId }, orderBy: { createdAt: 'asc' } })).map((l) => [
        l.provider,
        l.usageType,
        l.quantity.toFixed(6),
        l.totalCost.toFixed(6),
        l.finalCost.toFixed(6),
        l.createdAt.toISOString(),
        l.externalCallId,
        l.callId,
        l.source,
        l.eventId,
      ]);
    expect(await view(tiered)).toEqual([
      ['twilio', 'minutes', '1.500000', '0.000010', '0.000012', at(0).toISOString(), 'c-p', null, 'api', 'p-1'],
      ['openai', 'tokens', '1200.000000', '0.300000', '0.450000', at(20).toISOString(), 'c-p', null, 'api', 'p-2'],
      ['deepgram', 'stt', '2.000000', '0.000030', '0.000000', at(40).toISOString(), 'c-p', null, 'api', 'p-3'],
    ]);
    expect((await view(untiered)).map((l) => l[4])).toEqual(['0.000010', '0.450000', '0.000000']);
    expect(await rollupsMatchLines(tiered)).toBe(0);
  });

  it('a keyed line is replaced by a later delivery (in one batch or across batches, ties to the greater event id), never added twice', async () => {
    const w = await workspace();
    const line = (id: string, minutes: number, cost: string, callExternalId = 'c-k') =>
      event(id, minutes, [usage({ callExternalId, lineKey: 'c-k:llm', provider: 'openai', usageType: 'tokens', quantity: cost, cost, billed: cost })]);
    await ingestEvents(db, w, [call('c-k', { status: 'completed' }), call('c-other', { status: 'completed' })].map((c, i) => event(`call-${i}`, 0, [c])));
    // in one batch: the newest first, then an older one, then a tie with a smaller id
    const r = await ingestEvents(db, w, [line('k-5', 5, '5.000000'), line('k-3', 3, '3.000000'), line('k-4', 5, '4.000000')]);
    expect(r.map((x) => (x.status === 'accepted' ? x.usageRecords : x.status))).toEqual([1, 1, 1]);
    const keyed = () => db.usageRecord.findMany({ where: { workspaceId: w.workspaceId, lineKey: 'c-k:llm' } });
    expect((await keyed()).map((l) => [l.eventId, l.finalCost.toFixed(6)])).toEqual([['k-5', '5.000000']]);
    // across batches: a tie with a greater id replaces, an older one does not
    await ingestEvents(db, w, [line('k-6', 5, '6.000000')]);
    await ingestEvents(db, w, [line('k-1', 1, '1.000000')]);
    expect((await keyed()).map((l) => [l.eventId, l.finalCost.toFixed(6), l.createdAt.toISOString()])).toEqual([['k-6', '6.000000', at(5).toISOString()]]);
    expect(await costOf(w, 'c-k')).toBe('6.000000');
    // a later delivery moves the line to another call and another 15-minute bucket: both costs follow, the old bucket goes
    await ingestEvents(db, w, [line('k-7', 50, '7.000000', 'c-other')]);
    expect((await keyed()).map((l) => [l.eventId, l.externalCallId, l.createdAt.toISOString()])).toEqual([['k-7', 'c-other', at(50).toISOString()]]);
    expect([await costOf(w, 'c-k'), await costOf(w, 'c-other')]).toEqual(['0.000000', '7.000000']);
    const rollups = await db.usageRollup.findMany({ where: { workspaceId: w.workspaceId } });
    expect(rollups.map((x) => [x.bucketStart.toISOString(), x.recordCount, x.finalCost.toFixed(6)])).toEqual([[at(45).toISOString(), 1, '7.000000']]);
    expect(await rollupsMatchLines(w)).toBe(0);
  });

  it('lines without a key are added once per event', async () => {
    const w = await workspace();
    const e1 = event('u-1', 0, [usage({ provider: 'twilio', usageType: 'minutes', quantity: '1', cost: '0.100000' }), usage({ provider: 'twilio', usageType: 'minutes', quantity: '2', cost: '0.200000' })]);
    const e2 = event('u-2', 1, [usage({ provider: 'twilio', usageType: 'minutes', quantity: '4', cost: '0.400000' })]);
    expect(await ingestEvents(db, w, [e1, e2])).toEqual([
      { eventId: 'u-1', status: 'accepted', callIds: [], usageRecords: 2 },
      { eventId: 'u-2', status: 'accepted', callIds: [], usageRecords: 1 },
    ]);
    await ingestEvents(db, w, [e1, e2]);
    const rows = await db.usageRecord.findMany({ where: { workspaceId: w.workspaceId }, orderBy: { quantity: 'asc' } });
    expect(rows.map((l) => l.finalCost.toFixed(6))).toEqual(['0.125000', '0.250000', '0.500000']);
    const [rollup] = await db.usageRollup.findMany({ where: { workspaceId: w.workspaceId } });
    expect([rollup!.recordCount, rollup!.quantity.toFixed(6), rollup!.totalCost.toFixed(6), rollup!.finalCost.toFixed(6)]).toEqual([3, '7.000000', '0.700000', '0.875000']);
  });
});

describe('cost_total of calls', () => {
  it('is the sum of its lines final_cost, follows every change, counts usage that came first once the call arrives, and only that call', async () => {
    const w = await workspace();
    const vapi = { ...w, source: 'vapi' };
    // usage for c-1 before c-1 exists, and a line of the same external id from another source
    await ingestEvents(db, w, [event('a-1', 0, [usage({ callExternalId: 'c-1', provider: 'twilio', usageType: 'minutes', quantity: '1', cost: '0.080000' })])]);
    await ingestEvents(db, vapi, [event('v-1', 0, [usage({ callExternalId: 'c-1', provider: 'twilio', usageType: 'minutes', quantity: '1', cost: '9.000000' })])]);
    const created = await ingestEvents(db, w, [event('a-2', 1, [call('c-1', { status: 'in_progress' })]), event('a-3', 1, [call('c-2', { status: 'in_progress' })])]);
    const c1 = await db.call.findFirstOrThrow({ where: { workspaceId: w.workspaceId, source: 'api', externalId: 'c-1' } });
    const c2 = await db.call.findFirstOrThrow({ where: { workspaceId: w.workspaceId, source: 'api', externalId: 'c-2' } });
    expect(created).toEqual([
      { eventId: 'a-2', status: 'accepted', callIds: [c1.id], usageRecords: 0 },
      { eventId: 'a-3', status: 'accepted', callIds: [c2.id], usageRecords: 0 },
    ]);
    expect([c1.costTotal.toFixed(6), c2.costTotal.toFixed(6)]).toEqual(['0.100000', '0.000000']); // 0.08 × 1.25
    // more lines: one billed, one by markup, one for the other call
    const more = await ingestEvents(db, w, [
      event('a-4', 2, [usage({ callExternalId: 'c-1', provider: 'openai', usageType: 'tokens', quantity: '10', cost: '0.010000', billed: '0.030000' })]),
      event('a-5', 2, [usage({ callExternalId: 'c-1', provider: 'deepgram', usageType: 'stt', quantity: '1', cost: '0.000006' }), usage({ callExternalId: 'c-2', provider: 'deepgram', usageType: 'stt', quantity: '3', cost: '0.400000' })]),
    ]);
    expect(more).toEqual([
      { eventId: 'a-4', status: 'accepted', callIds: [c1.id], usageRecords: 1 },
      { eventId: 'a-5', status: 'accepted', callIds: [c1.id, c2.id], usageRecords: 2 },
    ]);
    // c-1: 0.1 + 0.03 + 0.0000075 → 0.000008 = 0.130008; c-2: 0.4 × 1.25 = 0.5
    expect([await costOf(w, 'c-1'), await costOf(w, 'c-2')]).toEqual(['0.130008', '0.500000']);
    // the vapi line stays with the vapi call id, not linked to the api call
    const vapiLine = await db.usageRecord.findFirstOrThrow({ where: { workspaceId: w.workspaceId, source: 'vapi' } });
    expect(vapiLine.callId).toBeNull();
    // a call update that carries no usage leaves the cost alone
    await ingestEvents(db, w, [event('a-6', 3, [call('c-1', { status: 'completed' })])]);
    expect(await costOf(w, 'c-1')).toBe('0.130008');
    const [sum] = await db.$queryRaw<{ s: string }[]>(Prisma.sql`SELECT sum(final_cost)::text AS s FROM usage_records WHERE call_id = ${c1.id}::uuid`);
    expect(Number(sum!.s).toFixed(6)).toBe('0.130008');
  });
});

describe('identity and agents', () => {
  it('one call per (workspace, source, external id)', async () => {
    const w = await workspace();
    const other = await workspace();
    const vapi = { ...w, source: 'vapi' };
    const e = event('i-1', 0, [call('same-id', { sentiment: 'positive' })]);
    for (const target of [w, vapi, other]) await ingestEvents(db, target, [e]);
    await ingestEvents(db, vapi, [event('i-2', 1, [call('same-id', { sentiment: 'negative' })])]);
    const rows = await db.call.findMany({ where: { externalId: 'same-id', workspaceId: { in: [w.workspaceId, other.workspaceId] } }, orderBy: { source: 'asc' } });
    expect(rows.map((r) => [r.workspaceId === w.workspaceId ? 'w' : 'other', r.source, r.sentiment])).toEqual(
      expect.arrayContaining([
        ['w', 'api', 'positive'],
        ['w', 'vapi', 'negative'],
        ['other', 'api', 'positive'],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('agents are created on first sight, named by the first name given (the external id until one arrives)', async () => {
    const w = await workspace();
    const agent = (externalId: string, name?: string) => ({ agent: name === undefined ? { externalId } : { externalId, name } });
    // one batch: ag-1 named by its earliest naming event; ag-2 seen without a name first, named later in the batch
    await ingestEvents(db, w, [
      event('g-1', 5, [call('c-1', agent('ag-1', 'Later name'))]),
      event('g-2', 1, [call('c-2', agent('ag-1', 'First name'))]),
      event('g-3', 0, [call('c-3', agent('ag-2'))]),
      event('g-4', 2, [call('c-4', agent('ag-2', 'Named'))]),
      event('g-5', 0, [call('c-5', agent('ag-3'))]),
    ]);
    const names = async () => (await db.voiceAgent.findMany({ where: { workspaceId: w.workspaceId }, orderBy: { externalId: 'asc' } })).map((a) => [a.externalId, a.name, a.source]);
    expect(await names()).toEqual([
      ['ag-1', 'First name', 'api'],
      ['ag-2', 'Named', 'api'],
      ['ag-3', 'ag-3', 'api'],
    ]);
    // later batches: a name replaces the external id only; a first name stays
    await ingestEvents(db, w, [event('g-6', 9, [call('c-6', agent('ag-3', 'Finally'))]), event('g-7', 9, [call('c-7', agent('ag-1', 'Renamed'))])]);
    expect(await names()).toEqual([
      ['ag-1', 'First name', 'api'],
      ['ag-2', 'Named', 'api'],
      ['ag-3', 'Finally', 'api'],
    ]);
    // each call points at its agent
    const calls = await db.call.findMany({ where: { workspaceId: w.workspaceId }, include: { agent: true }, orderBy: { externalId: 'asc' } });
    expect(calls.map((c) => [c.externalId, c.agent?.externalId])).toEqual([
      ['c-1', 'ag-1'],
      ['c-2', 'ag-1'],
      ['c-3', 'ag-2'],
      ['c-4', 'ag-2'],
      ['c-5', 'ag-3'],
      ['c-6', 'ag-3'],
      ['c-7', 'ag-1'],
    ]);
    // a name longer than the 255 characters the API allows (a connector's) is cut there
    await ingestEvents(db, w, [event('g-9', 9, [call('c-9', agent('ag-long', `${'n'.repeat(255)}tail`))])]);
    expect((await db.voiceAgent.findFirstOrThrow({ where: { workspaceId: w.workspaceId, externalId: 'ag-long' } })).name).toBe('n'.repeat(255));
    // a call keeps its agent when a later event names none
    await ingestEvents(db, w, [event('g-8', 10, [call('c-1', { sentiment: 'neutral' })])]);
    expect((await db.call.findFirstOrThrow({ where: { workspaceId: w.workspaceId, externalId: 'c-1' }, include: { agent: true } })).agent?.externalId).toBe('ag-1');
  });
});

describe('retries', () => {
  it('retries a serialization failure or a deadlock up to maxRetries times, then gives up; other errors at once', async () => {
    const w = await workspace();
    const failing = (codes: unknown[]) => {
      let i = 0;
      return { onStep: (step: string) => { if (step === 'calls' && i < codes.length) throw codes[i++]; } };
    };
    const attempts: number[] = [];
    const results = await ingestEvents(db, w, [event('t-1', 0, [call('c-t', { status: 'ringing' })])], {
      ...failing([{ code: '40001' }, { code: '40P01' }]),
      onRetry: (_e, attempt) => attempts.push(attempt),
    });
    expect(statuses(results)).toEqual(['accepted']);
    expect(attempts).toEqual([1, 2]);
    await expect(ingestEvents(db, w, [event('t-2', 0, [call('c-t2', {})])], { ...failing([{ code: '40001' }, { code: '40001' }]), maxRetries: 1, onRetry: () => {} })).rejects.toEqual({ code: '40001' });
    const other = new Error('disk full');
    let retried = 0;
    await expect(ingestEvents(db, w, [event('t-3', 0, [call('c-t3', {})])], { ...failing([other]), onRetry: () => retried++ })).rejects.toBe(other);
    expect(retried).toBe(0);
    // nothing of the failed batches was written
    expect(await db.call.count({ where: { workspaceId: w.workspaceId } })).toBe(1);
  });

  it('without an onRetry hook a retry is logged as a warning naming the attempt; with one, nothing is logged', async () => {
    const w = await workspace();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      let failures = 1;
      const onStep = (step: string) => {
        if (step === 'dedupe' && failures-- > 0) throw { code: '40P01', message: 'deadlock detected' };
      };
      expect(statuses(await ingestEvents(db, w, [event('warn-1', 0, [call('c-w', {})])], { onStep }))).toEqual(['accepted']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('batch of 1 after a serialization failure or deadlock (attempt 1)');
      failures = 1;
      expect(statuses(await ingestEvents(db, w, [event('warn-2', 0, [call('c-w', {})])], { onStep, onRetry: () => {} }))).toEqual(['accepted']);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('recognises 40001, 40P01 and P2034 however they are wrapped, and nothing else', () => {
    for (const yes of [
      { code: '40001' },
      { code: '40P01' },
      { code: 'P2034' },
      new Error('ERROR: could not serialize access due to concurrent update'),
      new Error('deadlock detected'),
      new Error('db error 40P01 while writing'),
      { message: 'wrapped', cause: { code: '40001' } },
      { meta: { originalError: { message: 'deadlock detected' } } },
      { originalError: { code: '40P01' } },
    ]) {
      expect(isRetryable(yes), JSON.stringify(yes)).toBe(true);
    }
    const cycle: Record<string, unknown> = { code: '23505' };
    cycle.cause = cycle;
    for (const no of [null, undefined, '40001', 40001, { code: '23505' }, new Error('x400011 is not a code'), new Error('unique violation'), cycle, { cause: { code: '22P02' } }]) {
      expect(isRetryable(no), String(no)).toBe(false);
    }
  });
});
