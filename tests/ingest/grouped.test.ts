import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { groupStats, ingestEvents, ingestGrouped, payloadHash, type IngestCommand, type IngestEvent, type IngestTarget } from '@/lib/ingest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Group commit (lib/ingest/coalesce.ts): concurrent small requests share transactions, and
// every request still gets exactly the answer it would have had alone.
let t: TestDatabase;
let db: Db;
let target: IngestTarget;
let other: IngestTarget;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db.subscriptionTier.create({ data: { tierName: 'pro', monthlyFee: '99', markup: '1.2500' } });
  const a = await db.workspace.create({ data: { name: 'Grouped', slug: 'grouped', subscriptionTier: 'pro' } });
  const b = await db.workspace.create({ data: { name: 'Other', slug: 'other', subscriptionTier: 'pro' } });
  target = { workspaceId: a.id, source: 'api' };
  other = { workspaceId: b.id, source: 'api' };
});
afterAll(() => t?.dispose());

const T0 = Date.parse('2026-11-20T10:00:00Z');
function ended(id: string, call: string, cost: string, hashSalt = ''): IngestEvent {
  const commands: IngestCommand[] = [
    { kind: 'call.upsert', callExternalId: call, fields: { status: 'completed', startedAt: new Date(T0), endedAt: new Date(T0 + 60_000), agent: { externalId: 'ag', name: 'Agnes' } } },
    { kind: 'usage.record', callExternalId: call, lineKey: `${call}:min`, provider: 'twilio', usageType: 'minutes', quantity: '1', cost },
  ];
  return { eventId: id, occurredAt: new Date(T0 + 60_000), payloadHash: payloadHash({ id, cost, hashSalt }), type: 'call.ended', commands };
}

async function totals(workspaceId: string) {
  const [row] = await db.$queryRaw<{ calls: number; cost: string; events: number }[]>`
    SELECT (SELECT count(*)::int FROM calls WHERE workspace_id = ${workspaceId}::uuid) AS calls,
           (SELECT coalesce(sum(total_cost), 0)::text FROM usage_records WHERE workspace_id = ${workspaceId}::uuid) AS cost,
           (SELECT count(*)::int FROM ingest_events WHERE workspace_id = ${workspaceId}::uuid) AS events`;
  return row!;
}

describe('ingestGrouped', () => {
  it('writes 200 concurrent single events in far fewer transactions, each request answered for its own event', async () => {
    const before = { ...groupStats };
    const events = Array.from({ length: 200 }, (_, i) => ended(`g-${i}`, `call-${i}`, '0.010000'));
    const results = await Promise.all(events.map((e) => ingestGrouped(db, target, [e])));
    results.forEach((r, i) => expect(r).toEqual([{ eventId: `g-${i}`, status: 'accepted', callIds: [expect.any(String)], usageRecords: 1 }]));
    const transactions = groupStats.transactions - before.transactions;
    expect(groupStats.requests - before.requests).toBe(200);
    expect(transactions).toBeLessThan(100);
    expect(await totals(target.workspaceId)).toEqual({ calls: 200, cost: '2.000000', events: 200 });
  });

  it('answers like sequential requests for the same id sent three times at once: one accepted, a duplicate, a conflict', async () => {
    const first = ended('same-1', 'call-same', '0.020000');
    const again = ended('same-1', 'call-same', '0.020000');
    const changed = ended('same-1', 'call-same', '0.030000', 'changed');
    const [a, b, c] = await Promise.all([ingestGrouped(db, target, [first]), ingestGrouped(db, target, [again]), ingestGrouped(db, target, [changed])]);
    // Concurrent requests have no order: whichever commits first is accepted, the other is a duplicate.
    expect([a![0]!.status, b![0]!.status].sort()).toEqual(['accepted', 'duplicate']);
    expect(c![0]).toMatchObject({ status: 'rejected', error: { field: 'id' } });
    const [line] = await db.$queryRaw<{ total_cost: string }[]>`SELECT total_cost::text FROM usage_records WHERE line_key = 'call-same:min'`;
    expect(line!.total_cost).toBe('0.020000');
  });

  it('keeps workspaces apart: groups never mix targets', async () => {
    const [mine, theirs] = await Promise.all([ingestGrouped(db, target, [ended('x-1', 'call-x', '1.000000')]), ingestGrouped(db, other, [ended('x-1', 'call-x', '2.000000', 'b')])]);
    expect(mine![0]!.status).toBe('accepted');
    expect(theirs![0]!.status).toBe('accepted');
    expect((await totals(other.workspaceId)).cost).toBe('2.000000');
  });

  it('when a group fails, each request is written alone and only the failing one fails', async () => {
    // A fault injected around the real database: its third transaction fails. The first two
    // requests find no transaction running and go alone (two may run at once); the other four
    // wait and form the group whose transaction fails.
    let calls = 0;
    const faulty = new Proxy(db, {
      get(target_, prop, receiver) {
        if (prop === '$transaction') {
          return (fn: unknown, options: unknown) => {
            if (++calls === 3) {
              return Promise.reject(new Error('injected failure'));
            }
            return (target_.$transaction as (f: unknown, o: unknown) => Promise<unknown>)(fn, options);
          };
        }
        return Reflect.get(target_, prop, receiver);
      },
    }) as Db;
    const events = Array.from({ length: 6 }, (_, i) => ended(`f-${i}`, `call-f${i}`, '0.100000'));
    const results = await Promise.all(events.map((e) => ingestGrouped(faulty, target, [e])));
    for (const r of results) expect(r[0]!.status).toBe('accepted');
    expect(calls).toBe(3 + 4);
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM calls WHERE external_id LIKE 'call-f%'`;
    expect(row!.n).toBe(6);
  });

  it('an empty request is answered at once without a transaction; a single one is exactly one', async () => {
    const before = { ...groupStats };
    expect(await ingestGrouped(db, target, [])).toEqual([]);
    expect(groupStats).toEqual(before);
    expect((await ingestGrouped(db, target, [ended('one-1', 'call-one', '0.010000')]))[0]!.status).toBe('accepted');
    expect(groupStats).toEqual({ transactions: before.transactions + 1, requests: before.requests + 1 });
  });

  it('groups requests of up to 100 events; larger ones go alone', async () => {
    const batch = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => ended(`${prefix}-${i}`, `call-${prefix}${i}`, '0.001000'));
    const before = { ...groupStats };
    await ingestGrouped(db, target, batch('hundred', 100));
    expect(groupStats).toEqual({ transactions: before.transactions + 1, requests: before.requests + 1 });
    await ingestGrouped(db, target, batch('hundred-one', 101));
    expect(groupStats).toEqual({ transactions: before.transactions + 1, requests: before.requests + 1 });
  });

  it('passes large requests through as one transaction of their own', async () => {
    const batch = Array.from({ length: 150 }, (_, i) => ended(`big-${i}`, `call-big${i}`, '0.001000'));
    const before = groupStats.transactions;
    const [results, direct] = await Promise.all([ingestGrouped(db, target, batch), ingestEvents(db, target, [ended('direct-1', 'call-direct', '0.5')])]);
    expect(results.map((r) => r.status)).toEqual(batch.map(() => 'accepted'));
    expect(direct[0]!.status).toBe('accepted');
    expect(groupStats.transactions).toBe(before);
  });
});
