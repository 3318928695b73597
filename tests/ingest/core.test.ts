import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type Db } from '@/lib/db';
import { ingestEvents, payloadHash, pruneIngestEvents, type IngestCommand, type IngestEvent, type IngestTarget } from '@/lib/ingest';
import { billedFromCost } from '@/lib/ingest/money';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let db: Db;
let target: IngestTarget;
let other: IngestTarget;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db.subscriptionTier.create({ data: { tierName: 'pro', monthlyFee: '99', markup: '1.3000' } });
  const a = await db.workspace.create({ data: { name: 'A', slug: 'a', subscriptionTier: 'pro' } });
  const b = await db.workspace.create({ data: { name: 'B', slug: 'b' } });
  target = { workspaceId: a.id, source: 'api' };
  other = { workspaceId: b.id, source: 'api' };
});
afterAll(() => t?.dispose());

const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function event(id: string, minutes: number, commands: IngestCommand[], type = 'test'): IngestEvent {
  return { eventId: id, occurredAt: at(minutes), payloadHash: payloadHash({ id, minutes, commands }), type, commands };
}

const call = (callExternalId: string, fields: Extract<IngestCommand, { kind: 'call.upsert' }>['fields'], impliedStatus?: 'in_progress' | 'completed'): IngestCommand => ({
  kind: 'call.upsert',
  callExternalId,
  fields,
  impliedStatus,
});
const usage = (u: Omit<Extract<IngestCommand, { kind: 'usage.record' }>, 'kind'>): IngestCommand => ({ kind: 'usage.record', ...u });

async function callRow(ws: IngestTarget, externalId: string) {
  return db.call.findFirst({ where: { workspaceId: ws.workspaceId, source: ws.source, externalId }, include: { agent: true } });
}

describe('ingestEvents', () => {
  it('merges a call whatever the order of its events, and an ended before started is not undone', async () => {
    const started = event('o-1', 0, [call('c-order', { agent: { externalId: 'ag-1', name: 'Ava' }, direction: 'outbound', startedAt: at(0), callerNumber: '+1555' }, 'in_progress')]);
    const updated = event('o-2', 1, [call('c-order', { sentiment: 'neutral', metadata: { tier: 'gold' } })]);
    const ended = event('o-3', 5, [call('c-order', { status: 'completed', endedAt: at(5), sentiment: 'positive', intent: 'billing', endedReason: 'hangup' })]);
    // ended first, then updated, then started
    for (const e of [ended, updated, started]) expect((await ingestEvents(db, target, [e]))[0]!.status).toBe('accepted');
    const row = (await callRow(target, 'c-order'))!;
    expect(row.status).toBe('completed');
    expect(row.direction).toBe('outbound');
    expect(row.sentiment).toBe('positive');
    expect(row.startedAt.toISOString()).toBe(at(0).toISOString());
    expect(row.endedAt!.toISOString()).toBe(at(5).toISOString());
    expect(row.durationSeconds).toBe(300);
    expect(row.intent).toBe('billing');
    expect(row.metadata).toEqual({ tier: 'gold', intent: 'billing' });
    expect(row.endedReason).toBe('hangup');
    expect(row.callerNumber).toBe('+1555');
    expect(row.agent?.name).toBe('Ava');
    expect(row.agent?.externalId).toBe('ag-1');

    // the same events in the natural order into workspace B give the same call
    for (const e of [started, updated, ended]) await ingestEvents(db, other, [e]);
    const same = (await callRow(other, 'c-order'))!;
    const pick = (r: typeof row) => ({ ...r, id: '', workspaceId: '', agentId: '', agent: null, createdAt: null });
    expect(pick(same)).toEqual(pick(row));
  });

  it('answers duplicate for the same id and payload, rejects the same id with another payload, and changes nothing', async () => {
    const e = event('d-1', 0, [usage({ callExternalId: 'c-dup', provider: 'twilio', usageType: 'minutes', quantity: '2', cost: '0.010000' })]);
    expect(await ingestEvents(db, target, [e])).toEqual([{ eventId: 'd-1', status: 'accepted', callIds: [], usageRecords: 1 }]);
    expect(await ingestEvents(db, target, [e])).toEqual([{ eventId: 'd-1', status: 'duplicate' }]);
    const changed = { ...e, payloadHash: 'other' };
    const [r] = await ingestEvents(db, target, [changed]);
    expect(r).toMatchObject({ status: 'rejected', error: { field: 'id' } });
    expect(await db.usageRecord.count({ where: { workspaceId: target.workspaceId, externalCallId: 'c-dup' } })).toBe(1);
    // the same id in another workspace is another event
    expect((await ingestEvents(db, other, [e]))[0]!.status).toBe('accepted');
  });

  it('answers per event inside a batch, repeats in one batch included', async () => {
    const a = event('b-1', 0, [call('c-b', { status: 'ringing' })]);
    const b = event('b-2', 1, [call('c-b', { status: 'in_progress' })]);
    const results = await ingestEvents(db, target, [a, { ...a }, { ...a, payloadHash: 'x' }, b]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'rejected', 'accepted']);
    expect((await callRow(target, 'c-b'))!.status).toBe('in_progress');
  });

  it('bills cost × markup half-even, or the billed price given; keeps cost_total the sum of final_cost; links usage that came before its call', async () => {
    expect(billedFromCost('0.000005', '1.5000')).toBe('0.000008'); // 0.0000075 → 8 (half-even up to even)
    expect(billedFromCost('0.000005', '1.3000')).toBe('0.000006'); // 0.0000065 → 6
    expect(billedFromCost('0.000015', '1.5000')).toBe('0.000022'); // 0.0000225 → 22
    await ingestEvents(db, target, [
      event('u-1', 0, [usage({ callExternalId: 'c-cost', provider: 'deepgram', usageType: 'stt_minutes', quantity: '3', cost: '0.000005' })]),
      event('u-2', 1, [usage({ callExternalId: 'c-cost', provider: 'openai', usageType: 'llm_tokens', quantity: 1200, cost: 0.5, billed: '0.75' } as never)]),
    ]);
    expect(await callRow(target, 'c-cost')).toBeNull();
    await ingestEvents(db, target, [event('u-3', 2, [call('c-cost', { status: 'completed' })])]);
    const row = (await callRow(target, 'c-cost'))!;
    expect(row.costTotal.toFixed(6)).toBe('0.750006'); // 0.0000065 → 0.000006 half-even, + 0.75
    const lines = await db.usageRecord.findMany({ where: { callId: row.id }, orderBy: { provider: 'asc' } });
    expect(lines.map((l) => [l.provider, l.quantity.toFixed(6), l.totalCost.toFixed(6), l.finalCost.toFixed(6), l.createdAt.toISOString()])).toEqual([
      ['deepgram', '3.000000', '0.000005', '0.000006', at(0).toISOString()],
      ['openai', '1200.000000', '0.500000', '0.750000', at(1).toISOString()],
    ]);
  });

  it('replaces a keyed usage line on re-delivery; an older delivery changes nothing; rollups follow', async () => {
    const line = (id: string, minutes: number, cost: string) =>
      event(id, minutes, [call('c-line', { status: 'completed' }), usage({ callExternalId: 'c-line', lineKey: 'c-line:stt', provider: 'deepgram', usageType: 'stt', quantity: '1', cost, billed: cost })]);
    await ingestEvents(db, target, [line('l-2', 10, '2.000000')]);
    await ingestEvents(db, target, [line('l-1', 5, '1.000000')]); // older: ignored
    await ingestEvents(db, target, [line('l-3', 20, '3.000000')]); // newer: replaces
    const lines = await db.usageRecord.findMany({ where: { workspaceId: target.workspaceId, lineKey: 'c-line:stt' } });
    expect(lines.map((l) => [l.finalCost.toFixed(6), l.createdAt.toISOString(), l.eventId])).toEqual([['3.000000', at(20).toISOString(), 'l-3']]);
    expect((await callRow(target, 'c-line'))!.costTotal.toFixed(6)).toBe('3.000000');
    const [check] = await db.$queryRaw<{ bad: bigint }[]>(Prisma.sql`
      SELECT count(*) AS bad FROM (
        SELECT workspace_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') b, provider, usage_type, count(*)::int n, sum(final_cost) f FROM usage_records GROUP BY 1,2,3,4
      ) x FULL JOIN usage_rollups r ON r.workspace_id = x.workspace_id AND r.bucket_start = x.b AND r.provider = x.provider AND r.usage_type = x.usage_type
      WHERE x.n IS DISTINCT FROM r.record_count OR x.f IS DISTINCT FROM r.final_cost`);
    expect(Number(check!.bad)).toBe(0);
  });

  it('prices a new call from its lines in the batch, and not from a line the table holds in a newer version', async () => {
    // c-new1 and c-new2 are new; each batch line is summed into the call as it is inserted.
    await ingestEvents(db, target, [
      event('p-1', 0, [call('c-new1', { status: 'completed' }), usage({ callExternalId: 'c-new1', provider: 'p', usageType: 'a', quantity: '1', cost: '0.1', billed: '0.100001' })]),
      event('p-2', 1, [usage({ callExternalId: 'c-new1', lineKey: 'p:b', provider: 'p', usageType: 'b', quantity: '1', cost: '0.2', billed: '0.200002' })]),
      event('p-3', 2, [usage({ callExternalId: 'c-new1', lineKey: 'p:b', provider: 'p', usageType: 'b', quantity: '1', cost: '0.3', billed: '0.300003' })]), // replaces p-2 in the batch
    ]);
    expect((await callRow(target, 'c-new1'))!.costTotal.toFixed(6)).toBe('0.400004');
    // A line p:held, newer in the table and owned by c-old, is not taken over by an older
    // delivery naming the new call c-new2: c-new2's cost leaves it out.
    await ingestEvents(db, target, [event('p-4', 30, [call('c-old', { status: 'completed' }), usage({ callExternalId: 'c-old', lineKey: 'p:held', provider: 'p', usageType: 'c', quantity: '1', cost: '5', billed: '5' })])]);
    await ingestEvents(db, target, [event('p-5', 20, [call('c-new2', { status: 'completed' }), usage({ callExternalId: 'c-new2', lineKey: 'p:held', provider: 'p', usageType: 'c', quantity: '1', cost: '7', billed: '7' })])]);
    expect((await callRow(target, 'c-new2'))!.costTotal.toFixed(6)).toBe('0.000000');
    expect((await callRow(target, 'c-old'))!.costTotal.toFixed(6)).toBe('5.000000');
    const [rollup] = await db.$queryRaw<{ cost: string }[]>(Prisma.sql`
      SELECT sum(cost)::text AS cost FROM call_rollups WHERE workspace_id = ${target.workspaceId}::uuid`);
    const [raw] = await db.$queryRaw<{ cost: string }[]>(Prisma.sql`
      SELECT sum(cost_total)::text AS cost FROM calls WHERE workspace_id = ${target.workspaceId}::uuid`);
    expect(rollup!.cost).toBe(raw!.cost);
  });

  it('names a new agent by the earliest event of the batch that names it; at one instant, the first in the batch', async () => {
    await ingestEvents(db, target, [
      event('n-1', 1, [call('c-n1', { agent: { externalId: 'ag-early', name: 'Early' } })]),
      event('n-2', 2, [call('c-n2', { agent: { externalId: 'ag-early', name: 'Late' } })]),
      event('n-3', 0, [call('c-n3', { agent: { externalId: 'ag-early' } })]), // earliest, but names nobody
      event('n-4', 5, [call('c-n4', { agent: { externalId: 'ag-tie', name: 'First' } })]),
      event('n-5', 5, [call('c-n5', { agent: { externalId: 'ag-tie', name: 'Second' } })]),
    ]);
    expect((await callRow(target, 'c-n3'))!.agent?.name).toBe('Early');
    expect((await callRow(target, 'c-n5'))!.agent?.name).toBe('First');
  });

  it('keeps, of one line key within a batch, the latest line; at one instant, the greater event id', async () => {
    const line = (id: string, minutes: number, billed: string) =>
      event(id, minutes, [usage({ callExternalId: 'c-tie', lineKey: `tie:${id.slice(0, 3)}`, provider: 'p', usageType: 'u', quantity: '1', cost: billed, billed })]);
    await ingestEvents(db, target, [
      line('k1-a', 5, '1.000000'), line('k1-b', 5, '2.000000'), // a tie: k1-b wins
      line('k2-a', 6, '4.000000'), line('k2-z', 3, '8.000000'), // older with the greater id: k2-a stays
    ]);
    const lines = await db.usageRecord.findMany({ where: { workspaceId: target.workspaceId, externalCallId: 'c-tie' }, orderBy: { lineKey: 'asc' } });
    expect(lines.map((l) => [l.lineKey, l.eventId, l.finalCost.toFixed(6)])).toEqual([
      ['tie:k1-', 'k1-b', '2.000000'],
      ['tie:k2-', 'k2-a', '4.000000'],
    ]);
  });

  it('writes nothing when the transaction fails mid-batch', async () => {
    const before = await counts();
    const batch = [
      event('x-1', 0, [call('c-crash', { status: 'completed', agent: { externalId: 'ag-crash' } })]),
      event('x-2', 1, [usage({ callExternalId: 'c-crash', provider: 'p', usageType: 'u', quantity: '1', cost: '1' })]),
    ];
    await expect(
      ingestEvents(db, target, batch, {
        onStep: (step) => {
          if (step === 'usage') throw new Error('injected crash');
        },
      }),
    ).rejects.toThrow('injected crash');
    expect(await counts()).toEqual(before);
    // and the same batch goes through afterwards (its ids were not burnt)
    expect((await ingestEvents(db, target, batch)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  it('prunes event ids older than 35 days only', async () => {
    await db.ingestEvent.create({ data: { workspaceId: target.workspaceId, eventId: 'old', payloadHash: 'h', source: 'api', type: 't', occurredAt: at(0), receivedAt: new Date('2026-01-01T00:00:00Z') } });
    const now = new Date('2026-02-05T00:00:01Z'); // 35 days + 1 s later
    expect(await pruneIngestEvents(db, new Date('2026-02-04T23:59:59Z'))).toBe(0);
    expect(await pruneIngestEvents(db, now)).toBe(1);
  });
});

async function counts() {
  const [calls, usage, agents, events, rollups] = await Promise.all([db.call.count(), db.usageRecord.count(), db.voiceAgent.count(), db.ingestEvent.count(), db.usageRollup.count()]);
  return { calls, usage, agents, events, rollups };
}
