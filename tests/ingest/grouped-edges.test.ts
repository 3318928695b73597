import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { groupStats, ingestGrouped, payloadHash, type IngestEvent, type IngestTarget } from '@/lib/ingest';
import { openQueueCount } from '@/lib/ingest/coalesce';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// The edges of group commit (lib/ingest/coalesce.ts) the ingest mutation run found
// unpinned: where one group ends (1,000 events), that no queue outlives its requests, and
// that a queue belongs to one database.
let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(() => t?.dispose());

const T0 = Date.parse('2026-11-20T10:00:00Z');
function started(id: string): IngestEvent {
  return {
    eventId: id,
    occurredAt: new Date(T0),
    payloadHash: payloadHash({ id }),
    type: 'call.started',
    commands: [{ kind: 'call.upsert', callExternalId: `call-${id}`, fields: { status: 'in_progress', startedAt: new Date(T0) } }],
  };
}
const request = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => started(`${prefix}-${i}`));

async function newTarget(database: Db, slug: string, id?: string): Promise<IngestTarget> {
  const workspace = await database.workspace.create({ data: { ...(id ? { id } : {}), name: slug, slug } });
  return { workspaceId: workspace.id, source: 'api' };
}

/** Sends `count` requests of 100 events at once; returns the transactions they took. */
async function transactionsFor(target: IngestTarget, count: number, prefix: string): Promise<number> {
  const before = groupStats.transactions;
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => ingestGrouped(db, target, request(`${prefix}${i}`, 100))));
  expect(answers.flat().every((r) => r.status === 'accepted')).toBe(true);
  expect(answers.flat()).toHaveLength(count * 100);
  return groupStats.transactions - before;
}

describe('ingestGrouped, edges', () => {
  it('fills a group up to exactly 1,000 events and no further', async () => {
    // Two requests go at once (two transactions in flight); the rest wait and are then
    // taken in groups of at most 1,000 events: 10 waiting requests of 100 make one group,
    // 11 make a group of 10 and one of 1.
    expect(await transactionsFor(await newTarget(db, 'twelve'), 12, 'a')).toBe(3);
    expect(await transactionsFor(await newTarget(db, 'thirteen'), 13, 'b')).toBe(4);
  });

  it('closes a target’s queue once its last request is answered, not while one is still written', async () => {
    const target = await newTarget(db, 'closing');
    // The same database, with the second transaction held at a gate: the first request is
    // answered while the second is still in flight.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let transactions = 0;
    const gated = new Proxy(db, {
      get(real, property) {
        if (property !== '$transaction') return Reflect.get(real, property);
        return async (...args: Parameters<Db['$transaction']>) => {
          if (++transactions === 2) await gate;
          return (real.$transaction as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
    const first = ingestGrouped(gated, target, [started('close-1')]);
    const second = ingestGrouped(gated, target, [started('close-2')]);
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(openQueueCount()).toBe(1);
    open();
    expect((await second)[0]!.status).toBe('accepted');
    await new Promise((resolve) => setImmediate(resolve));
    expect(openQueueCount()).toBe(0);
  });

  it('writes each request to its own database, even for the same workspace id at the same time', async () => {
    const second = await createTestDatabase();
    try {
      const here = await newTarget(db, 'twin-db');
      await newTarget(second.db, 'twin-db', here.workspaceId);
      const [a, b] = await Promise.all([ingestGrouped(db, here, [started('twin-here')]), ingestGrouped(second.db, here, [started('twin-there')])]);
      expect([a[0]!.status, b[0]!.status]).toEqual(['accepted', 'accepted']);
      const names = async (database: Db) =>
        (await database.call.findMany({ where: { workspaceId: here.workspaceId }, select: { externalId: true } })).map((c) => c.externalId);
      expect(await names(db)).toEqual(['call-twin-here']);
      expect(await names(second.db)).toEqual(['call-twin-there']);
    } finally {
      await second.dispose();
    }
  });
});
