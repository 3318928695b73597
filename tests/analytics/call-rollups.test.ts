import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/db';
import { rebuildRollups, verifyRollups } from '@/lib/db/rollup-maintenance';
import { differenceSql, ROLLUPS } from '@/lib/db/rollups';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createWorkspace } from './fixtures';

/**
 * The call rollups and the platform rollups (migration call_rollups) must equal the
 * aggregation of their raw tables (lib/db/rollups.ts) after any sequence of writes:
 * inserts one by one and in bulk, updates of every counted column (started_at moved
 * across buckets and days), deletes, cascades and truncates.
 */

const STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'] as const;
const PROVIDERS = ['elevenlabs', 'cartesia', null] as const;
const SENTIMENTS = ['positive', 'neutral', 'negative', null] as const;
const INTENTS = ['book', 'cancel', 'billing', null] as const;
const BASE = Date.parse('2026-03-07T00:00:00Z');

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('call and platform rollups follow every write', () => {
  let t: TestDatabase;
  let workspaces: string[];
  let agents: Map<string, string[]>;
  const rnd = random(20261201);
  const pick = <T,>(values: readonly T[]) => values[Math.floor(rnd() * values.length)]!;
  // Near bucket and day edges as well as anywhere over 5 days.
  const instant = () => {
    const bucket = BASE + Math.floor(rnd() * 480) * 900_000;
    return new Date(bucket + pick([0, 1, 899_999, 450_000, Math.floor(rnd() * 900_000)]));
  };
  const call = (workspaceId: string) => {
    const status = pick(STATUSES);
    return {
      workspaceId,
      agentId: rnd() < 0.15 ? null : pick(agents.get(workspaceId)!),
      direction: pick(['inbound', 'outbound'] as const),
      status,
      durationSeconds: rnd() < 0.2 ? null : Math.floor(rnd() * 900),
      startedAt: instant(),
      sentiment: pick(SENTIMENTS),
      voiceProviderUsed: pick(PROVIDERS),
      avgResponseMs: rnd() < 0.3 ? null : 150 + Math.floor(rnd() * 900),
      costTotal: (Math.floor(rnd() * 5_000_000) / 1_000_000).toFixed(6),
      intent: pick(INTENTS),
    };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaces = [await createWorkspace(t.db, { timezone: 'Asia/Kathmandu' }), await createWorkspace(t.db, { timezone: 'America/New_York' })];
    agents = new Map();
    for (const ws of workspaces) agents.set(ws, [await createAgent(t.db, ws), await createAgent(t.db, ws), await createAgent(t.db, ws)]);
  });
  afterAll(() => t?.dispose());

  async function differences() {
    const out: { table: string; side: string; key: string }[] = [];
    for (const rollup of ROLLUPS) {
      const rows = await t.db.$queryRawUnsafe<{ side: string; key: string }[]>(differenceSql(rollup, 5));
      out.push(...rows.map((r) => ({ table: rollup.table, side: r.side, key: r.key })));
    }
    return out;
  }
  async function expectInStep() {
    expect(await differences()).toEqual([]);
  }
  const ids = async () => (await t.db.call.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);

  it('follows inserts one by one, createMany and one multi-row INSERT with repeated keys', async () => {
    for (let i = 0; i < 30; i++) await t.db.call.create({ data: call(pick(workspaces)) });
    await expectInStep();
    await t.db.call.createMany({ data: Array.from({ length: 300 }, () => call(pick(workspaces))) });
    await expectInStep();
    const at = new Date('2026-03-08T10:07:00Z');
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...call(workspaces[0]!), startedAt: i % 2 ? at : instant() }));
    await t.db.$executeRaw`
      INSERT INTO calls (workspace_id, agent_id, direction, status, duration_seconds, started_at, voice_provider_used, cost_total, intent)
      VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${r.workspaceId}::uuid, ${r.agentId}::uuid, ${r.direction}::call_direction, ${r.status}::call_status, ${r.durationSeconds}::int, ${r.startedAt}::timestamptz, ${r.voiceProviderUsed}, ${r.costTotal}::numeric, ${r.intent})`))}`;
    await expectInStep();
    const [n] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM call_rollups`;
    expect(n!.n).toBeGreaterThan(0);
  });

  it('follows randomized updates of status, duration, agent, sentiment, provider, cost, intent and started_at', async () => {
    const all = await ids();
    for (let i = 0; i < 60; i++) {
      const next = call(pick(workspaces));
      const change = pick(['status', 'duration', 'agent', 'sentiment', 'provider', 'cost', 'intent', 'startedAt', 'day', 'all'] as const);
      const id = pick(all);
      const current = await t.db.call.findFirstOrThrow({ where: { id } });
      const data =
        change === 'status' ? { status: next.status }
        : change === 'duration' ? { durationSeconds: next.durationSeconds }
        : change === 'agent' ? { agentId: rnd() < 0.3 ? null : pick(agents.get(current.workspaceId)!) }
        : change === 'sentiment' ? { sentiment: next.sentiment }
        : change === 'provider' ? { voiceProviderUsed: next.voiceProviderUsed }
        : change === 'cost' ? { costTotal: next.costTotal }
        : change === 'intent' ? { intent: next.intent }
        : change === 'startedAt' ? { startedAt: new Date(current.startedAt.getTime() + pick([1, -1, 900_000, -900_000, 60_000])) }
        : change === 'day' ? { startedAt: new Date(current.startedAt.getTime() + pick([1, -1]) * 86_400_000) }
        : { ...next, workspaceId: current.workspaceId, agentId: pick(agents.get(current.workspaceId)!) };
      await t.db.call.updateMany({ where: { id }, data });
    }
    await expectInStep();
    // Many rows at once: the longest calls shortened (max must be taken again), moved across days.
    await t.db.$executeRaw`UPDATE calls SET duration_seconds = duration_seconds / 3 WHERE duration_seconds > 600`;
    await t.db.$executeRaw`UPDATE calls SET started_at = started_at + interval '23 hours 50 minutes' WHERE status = 'completed'`;
    await t.db.call.updateMany({ where: { sentiment: 'negative' }, data: { sentiment: null, status: 'failed' } });
    await expectInStep();
    // Durations that stay in their key are not recounted, so these must still come out
    // exact: in one statement, the longest call of a (day, agent) key gives its duration to
    // another call of the same key (swap); then it is shortened while a call of ANOTHER key
    // takes the old longest (the key must be recounted); then the shortest likewise.
    const [key] = await t.db.$queryRaw<{ longest: string; other: string; stranger: string; shortest: string }[]>`
      WITH k AS (
        SELECT workspace_id, date_bin('1 day', started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS day, agent_id, id, duration_seconds,
               row_number() OVER (PARTITION BY workspace_id, date_bin('1 day', started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), agent_id ORDER BY duration_seconds DESC, id) AS top,
               row_number() OVER (PARTITION BY workspace_id, date_bin('1 day', started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), agent_id ORDER BY duration_seconds, id) AS bottom,
               count(*) OVER (PARTITION BY workspace_id, date_bin('1 day', started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), agent_id) AS n
        FROM calls WHERE duration_seconds IS NOT NULL AND agent_id IS NOT NULL)
      SELECT a.id::text AS longest, b.id::text AS other, s.id::text AS shortest,
             (SELECT c.id::text FROM calls c WHERE c.agent_id IS DISTINCT FROM a.agent_id AND c.duration_seconds IS NOT NULL ORDER BY c.id LIMIT 1) AS stranger
      FROM k a JOIN k b ON (b.workspace_id, b.day, b.agent_id) = (a.workspace_id, a.day, a.agent_id) AND b.top = 2
      JOIN k s ON (s.workspace_id, s.day, s.agent_id) = (a.workspace_id, a.day, a.agent_id) AND s.bottom = 1
      WHERE a.top = 1 AND a.n >= 3 AND a.duration_seconds > b.duration_seconds AND s.duration_seconds < b.duration_seconds
      ORDER BY a.id LIMIT 1`;
    expect(key, 'a (day, agent) key with three calls of different durations').toBeDefined();
    const swap = (a: string, b: string) => t.db.$executeRaw`
      UPDATE calls c SET duration_seconds = o.duration_seconds FROM calls o
      WHERE (c.id, o.id) IN ((${a}::uuid, ${b}::uuid), (${b}::uuid, ${a}::uuid))`;
    await swap(key!.longest, key!.other);
    await expectInStep();
    await swap(key!.other, key!.stranger);
    await expectInStep();
    await swap(key!.shortest, key!.stranger);
    await expectInStep();
    // An update of no counted column touches no rollup row.
    const before = await t.db.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM call_rollups ORDER BY workspace_id, day, agent_key`;
    await t.db.call.updateMany({ data: { callerNumber: '+15550000' } });
    const after = await t.db.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM call_rollups ORDER BY workspace_id, day, agent_key`;
    expect(after).toEqual(before);
  });

  it('follows deletes (the longest and shortest calls of a key included) and removes emptied keys', async () => {
    const all = await ids();
    for (let i = 0; i < 15; i++) await t.db.call.deleteMany({ where: { id: pick(all) } });
    await t.db.$executeRaw`DELETE FROM calls c USING (SELECT workspace_id, max(duration_seconds) AS m FROM calls GROUP BY 1) x
                           WHERE c.workspace_id = x.workspace_id AND c.duration_seconds = x.m`;
    await t.db.$executeRaw`DELETE FROM calls c USING (SELECT workspace_id, min(duration_seconds) AS m FROM calls GROUP BY 1) x
                           WHERE c.workspace_id = x.workspace_id AND c.duration_seconds = x.m`;
    await t.db.call.deleteMany({ where: { status: 'busy' } });
    await expectInStep();
    const [zero] = await t.db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM call_rollups WHERE calls <= 0 OR busy <> 0) + (SELECT count(*) FROM platform_call_rollups WHERE status = 'busy' OR calls <= 0))::int AS n`;
    expect(zero!.n).toBe(0);
  });

  it('follows an agent hard-deleted (its calls keep counting, without agent) and a workspace deleted with its calls and usage', async () => {
    const agent = agents.get(workspaces[0]!)![1]!;
    await t.db.voiceAgent.delete({ where: { workspaceId_id: { workspaceId: workspaces[0]!, id: agent } } });
    agents.set(workspaces[0]!, agents.get(workspaces[0]!)!.filter((a) => a !== agent));
    await expectInStep();
    const doomed = await createWorkspace(t.db, { timezone: 'UTC' });
    agents.set(doomed, [await createAgent(t.db, doomed)]);
    await t.db.call.createMany({ data: Array.from({ length: 40 }, () => call(doomed)) });
    await t.db.usageRecord.createMany({
      data: Array.from({ length: 20 }, () => ({ workspaceId: doomed, provider: pick(['twilio', 'openai']), usageType: 'x', quantity: '1', totalCost: '0.5', finalCost: '0.7', createdAt: instant() })),
    });
    await expectInStep();
    await t.db.workspace.delete({ where: { id: doomed } });
    await expectInStep();
  });

  it('follows usage writes in the platform usage rollup', async () => {
    const usage = () => ({ workspaceId: pick(workspaces), provider: pick(['twilio', 'openai', 'deepgram']), usageType: 'x', quantity: '2', totalCost: (rnd() * 3).toFixed(6), finalCost: (rnd() * 4).toFixed(6), createdAt: instant() });
    await t.db.usageRecord.createMany({ data: Array.from({ length: 200 }, usage) });
    await t.db.$executeRaw`UPDATE usage_records SET created_at = created_at + interval '1 day', total_cost = total_cost * 2 WHERE provider = 'openai'`;
    await t.db.usageRecord.deleteMany({ where: { provider: 'deepgram' } });
    await expectInStep();
  });

  it('follows concurrent writers to the same keys without deadlocking', async () => {
    const at = [new Date('2026-03-09T09:00:00Z'), new Date('2026-03-09T09:15:00Z'), new Date('2026-03-10T09:30:00Z')];
    const batch = (order: number[]) =>
      t.db.call.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ ...call(workspaces[i % 2]!), startedAt: at[order[i % 3]!]! })) });
    await Promise.all([batch([0, 1, 2]), batch([2, 1, 0]), batch([1, 2, 0]), batch([2, 0, 1])]);
    await expectInStep();
  });

  it('db:rollups --verify reports a damaged rollup and --rebuild restores it, readers seeing whole rollups throughout', async () => {
    expect((await verifyRollups(t.connection)).tables.every((r) => r.differences === 0)).toBe(true);
    await t.db.$executeRaw`UPDATE call_rollups SET calls = calls + 1 WHERE ctid = (SELECT min(ctid) FROM call_rollups)`;
    await t.db.$executeRaw`DELETE FROM platform_usage_rollups WHERE ctid = (SELECT min(ctid) FROM platform_usage_rollups)`;
    const damaged = await verifyRollups(t.connection);
    expect(damaged.tables.filter((r) => r.differences > 0).map((r) => r.table).sort()).toEqual(['call_rollups', 'platform_usage_rollups']);
    expect(damaged.samples.map((d) => d.side).sort()).toEqual(['extra', 'missing', 'missing']);
    expect(await rebuildRollups(t.connection)).toBe(workspaces.length);
    await expectInStep();
  });

  it('is emptied by TRUNCATE of the calls and of the usage records', async () => {
    await t.db.$executeRawUnsafe('TRUNCATE calls CASCADE');
    await t.db.$executeRawUnsafe('TRUNCATE usage_records');
    const [n] = await t.db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM call_rollups) + (SELECT count(*) FROM call_bucket_rollups) + (SELECT count(*) FROM call_intent_rollups)
              + (SELECT count(*) FROM platform_call_rollups) + (SELECT count(*) FROM platform_usage_rollups))::int AS n`;
    expect(n!.n).toBe(0);
    await expectInStep();
  });
});
