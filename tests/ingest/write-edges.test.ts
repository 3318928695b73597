import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type Db } from '@/lib/db';
import { ingestEvents, payloadHash, type IngestCommand, type IngestEvent, type IngestTarget } from '@/lib/ingest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Edges of the write path (lib/ingest/ingest.ts) that the ingest mutation run found
// unpinned: what a later batch keeps of an earlier one, lines that move between calls or
// are not written at all, and a transaction that outlasts Prisma's default 5 s.
let t: TestDatabase;
let db: Db;
let target: IngestTarget;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  const workspace = await db.workspace.create({ data: { name: 'Edges', slug: 'edges' } });
  target = { workspaceId: workspace.id, source: 'api' };
});
afterAll(() => t?.dispose());

const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function event(id: string, minutes: number, commands: IngestCommand[]): IngestEvent {
  return { eventId: id, occurredAt: at(minutes), payloadHash: payloadHash({ id, minutes, commands }), type: 'test', commands };
}
const call = (callExternalId: string, fields: Extract<IngestCommand, { kind: 'call.upsert' }>['fields']): IngestCommand => ({ kind: 'call.upsert', callExternalId, fields });
const usage = (u: Omit<Extract<IngestCommand, { kind: 'usage.record' }>, 'kind'>): IngestCommand => ({ kind: 'usage.record', ...u });

async function accepted(events: IngestEvent[]) {
  const results = await ingestEvents(db, target, events);
  expect(results.map((r) => r.status)).toEqual(events.map(() => 'accepted'));
}
const callRow = (externalId: string) =>
  db.call.findFirstOrThrow({ where: { workspaceId: target.workspaceId, source: target.source, externalId }, include: { agent: true } });
const cost = async (externalId: string) => (await callRow(externalId)).costTotal.toFixed(6);

/** Rollup rows that differ from the usage records they sum (placeholders left behind included). */
async function usageRollupDifferences(): Promise<number> {
  const [row] = await db.$queryRaw<{ bad: number }[]>(Prisma.sql`
    SELECT count(*)::int AS bad FROM (
      SELECT workspace_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') b, provider, usage_type,
             count(*)::int n, sum(final_cost) f
      FROM usage_records WHERE workspace_id = ${target.workspaceId}::uuid GROUP BY 1, 2, 3, 4
    ) x FULL JOIN (SELECT * FROM usage_rollups WHERE workspace_id = ${target.workspaceId}::uuid) r
      ON r.workspace_id = x.workspace_id AND r.bucket_start = x.b AND r.provider = x.provider AND r.usage_type = x.usage_type
    WHERE x.n IS DISTINCT FROM r.record_count OR x.f IS DISTINCT FROM r.final_cost`);
  return row!.bad;
}

describe('ingestEvents, edges', () => {
  it('keeps a call’s agent when a later batch updates the call without naming one', async () => {
    await accepted([event('keep-1', 0, [call('c-keep', { agent: { externalId: 'ag-keep', name: 'Kim' }, status: 'in_progress' })])]);
    await accepted([event('keep-2', 1, [call('c-keep', { status: 'completed' })])]);
    const row = await callRow('c-keep');
    expect([row.status, row.agent?.externalId, row.agent?.name]).toEqual(['completed', 'ag-keep', 'Kim']);
  });

  it('an agent seen again without a name keeps its id as name; the first real name replaces it', async () => {
    await accepted([event('anon-1', 0, [call('c-anon1', { agent: { externalId: 'ag-anon' } })])]);
    await accepted([event('anon-2', 1, [call('c-anon2', { agent: { externalId: 'ag-anon', name: null } })])]);
    expect((await callRow('c-anon2')).agent?.name).toBe('ag-anon');
    await accepted([event('anon-3', 2, [call('c-anon3', { agent: { externalId: 'ag-anon', name: 'Ana' } })])]);
    expect((await callRow('c-anon1')).agent?.name).toBe('Ana');
    expect(await db.voiceAgent.count({ where: { workspaceId: target.workspaceId, externalId: 'ag-anon' } })).toBe(1);
  });

  it('keeps the later intent when a newer event gives none', async () => {
    await accepted([event('intent-1', 0, [call('c-intent', { intent: 'billing' })])]);
    await accepted([event('intent-2', 1, [call('c-intent', { status: 'completed', intent: null, metadata: { tier: 'gold' } })])]);
    const row = await callRow('c-intent');
    expect([row.intent, row.metadata]).toEqual(['billing', { tier: 'gold', intent: 'billing' }]);
  });

  it('of two lines with one key in one event, the first stands, as the table keeps the first of equal versions', async () => {
    await accepted([
      event('twin-1', 0, [
        call('c-twin', { status: 'completed' }),
        usage({ callExternalId: 'c-twin', lineKey: 'twin:stt', provider: 'deepgram', usageType: 'stt', quantity: '1', cost: '0.1', billed: '0.1' }),
        usage({ callExternalId: 'c-twin', lineKey: 'twin:stt', provider: 'deepgram', usageType: 'stt', quantity: '2', cost: '0.2', billed: '0.2' }),
      ]),
    ]);
    const lines = await db.usageRecord.findMany({ where: { workspaceId: target.workspaceId, lineKey: 'twin:stt' } });
    expect(lines.map((l) => [l.quantity.toFixed(6), l.finalCost.toFixed(6)])).toEqual([['1.000000', '0.100000']]);
    expect(await cost('c-twin')).toBe('0.100000');
  });

  it('a keyed line re-delivered for another call moves its cost from the old call to the new one', async () => {
    await accepted([
      event('move-1', 0, [
        call('c-from', { status: 'completed' }),
        call('c-to', { status: 'completed' }),
        usage({ callExternalId: 'c-from', lineKey: 'move:llm', provider: 'openai', usageType: 'llm', quantity: '1', cost: '0.4', billed: '0.4' }),
      ]),
    ]);
    expect([await cost('c-from'), await cost('c-to')]).toEqual(['0.400000', '0.000000']);
    await accepted([event('move-2', 20, [usage({ callExternalId: 'c-to', lineKey: 'move:llm', provider: 'openai', usageType: 'llm', quantity: '1', cost: '0.5', billed: '0.5' })])]);
    expect([await cost('c-from'), await cost('c-to')]).toEqual(['0.000000', '0.500000']);
    expect(await usageRollupDifferences()).toBe(0);
  });

  it('an older delivery of a keyed line, in another quarter hour, is not written and leaves no rollup row behind', async () => {
    await accepted([event('late-2', 40, [usage({ callExternalId: null, lineKey: 'late:tts', provider: 'eleven', usageType: 'tts', quantity: '3', cost: '0.3', billed: '0.3' })])]);
    // 10:05 is a quarter hour of its own: the batch takes a placeholder rollup row for it first.
    await accepted([event('late-1', 5, [usage({ callExternalId: null, lineKey: 'late:tts', provider: 'eleven', usageType: 'tts', quantity: '1', cost: '0.1', billed: '0.1' })])]);
    const lines = await db.usageRecord.findMany({ where: { workspaceId: target.workspaceId, lineKey: 'late:tts' } });
    expect(lines.map((l) => [l.createdAt.toISOString(), l.finalCost.toFixed(6)])).toEqual([[at(40).toISOString(), '0.300000']]);
    expect(await db.usageRollup.count({ where: { workspaceId: target.workspaceId, provider: 'eleven', bucketStart: at(0) } })).toBe(0);
    expect(await usageRollupDifferences()).toBe(0);
  });

  it('commits a batch whose transaction runs longer than Prisma’s default 5 s', async () => {
    const results = await ingestEvents(db, target, [event('slow-1', 0, [call('c-slow', { status: 'completed' })])], {
      onStep: async (step) => {
        if (step === 'calls') await new Promise((resolve) => setTimeout(resolve, 5_500));
      },
    });
    expect(results[0]!.status).toBe('accepted');
    expect((await callRow('c-slow')).status).toBe('completed');
  }, 20_000);
});
