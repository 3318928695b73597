import { describe, expect, it, beforeAll } from 'vitest';
import { CLI_ACTOR } from '@/lib/audit';
import { demoDeliveries } from '@/lib/connectors/demo';
import { mapDelivery } from '@/lib/connectors/map';
import { replayDeliveries } from '@/lib/connectors/replay';
import { connectorSecretForSigning, createConnector, pruneDeliveries } from '@/lib/connectors/store';
import type { Db } from '@/lib/db';
import { withSeededWorld } from '../api/fixtures';
import { deliver } from './helpers';
import * as f from './fixtures';

let db: Db;
let workspaceId: string;
let connector: { id: string; secret: string };
withSeededWorld((t) => {
  db = t.db;
});
beforeAll(async () => {
  const w = await db.workspace.create({ data: { name: 'Replay', slug: 'replay', timezone: 'UTC', subscriptionTier: 'pro' } });
  workspaceId = w.id;
  const c = await createConnector(db, { workspaceId, platform: 'retell', secret: 'key_replay_0123456789abcdef', actor: CLI_ACTOR });
  connector = { id: c.connector.id, secret: c.secret };
});

const totals = async () => {
  const agg = await db.usageRecord.aggregate({ where: { workspaceId }, _sum: { totalCost: true, finalCost: true }, _count: true });
  return { calls: await db.call.count({ where: { workspaceId } }), lines: agg._count, cost: agg._sum.totalCost?.toFixed(6), billed: agg._sum.finalCost?.toFixed(6) };
};

describe('ingest:replay', () => {
  it('re-applies kept deliveries without adding anything twice, however often it runs', async () => {
    for (const body of [f.retellStarted1, f.retellEnded1, f.retellAnalyzed1, f.retellAnalyzed3]) await deliver('retell', connector.id, connector.secret, body);
    const before = await totals();
    expect(before).toEqual({ calls: 2, lines: 4, cost: '0.158330', billed: '0.205829' });
    // A "mapping fix" stand-in: damage the stored call, then replay puts it right.
    await db.call.updateMany({ where: { workspaceId, externalId: 'retell-call-1' }, data: { durationSeconds: 1 } });
    const first = await replayDeliveries(db, connector.id, new Date('2000-01-01T00:00:00Z'), new Date('2026-12-01T10:00:00Z'));
    expect(first!.counts).toEqual({ accepted: 4, duplicate: 0, ignored: 0, rejected: 0 });
    expect(await totals()).toEqual(before);
    expect((await db.call.findFirstOrThrow({ where: { workspaceId, externalId: 'retell-call-1' } })).durationSeconds).toBe(125);
    const again = await replayDeliveries(db, connector.id, new Date('2000-01-01T00:00:00Z'), new Date('2026-12-01T11:00:00Z'));
    expect(again!.counts.accepted).toBe(4);
    expect(await totals()).toEqual(before);
    // Deliveries after --since only.
    expect((await replayDeliveries(db, connector.id, new Date(Date.now() + 60_000)))!.counts).toEqual({ accepted: 0, duplicate: 0, ignored: 0, rejected: 0 });
    expect(await replayDeliveries(db, '00000000-0000-4000-8000-000000000000', new Date())).toBeNull();
    // Every replay is in the audit log, with what it did.
    const trail = await db.auditLog.findMany({ where: { workspaceId, action: 'connector.replayed' }, orderBy: { createdAt: 'asc' } });
    expect(trail).toHaveLength(3);
    expect(trail[0]).toMatchObject({ actorLabel: 'cli', targetId: connector.id, details: { platform: 'retell', since: '2000-01-01T00:00:00.000Z', accepted: 4 } });
  });

  it('the demo reads the connector secret the route verifies with', async () => {
    const found = await connectorSecretForSigning(db, connector.id);
    expect(found).toMatchObject({ platform: 'retell', secret: connector.secret, workspaceId });
  });

  it('prunes delivery logs older than 35 days', async () => {
    const count = await db.connectorDelivery.count({ where: { workspaceId } });
    expect(await pruneDeliveries(db, new Date(Date.now() + 34 * 86_400_000))).toBe(0);
    expect(await pruneDeliveries(db, new Date(Date.now() + 36 * 86_400_000))).toBeGreaterThanOrEqual(count);
  });
});

describe('the demo stream', () => {
  it('maps cleanly for every platform (nothing rejected), with every event kind', () => {
    for (const platform of ['vapi', 'retell', 'bland'] as const) {
      const bodies = demoDeliveries(platform, { calls: 200, seed: 7 });
      const mapped = bodies.map((b) => mapDelivery(platform, b, { receivedAt: new Date() }));
      expect(mapped.filter((m) => m.result !== 'mapped')).toEqual([]);
      const kinds = new Set(mapped.map((m) => m.eventType));
      expect([platform, [...kinds].sort()]).toEqual([platform, { vapi: ['end-of-call-report', 'status-update'], retell: ['call_analyzed', 'call_ended', 'call_started'], bland: ['call'] }[platform]]);
    }
  });
});
