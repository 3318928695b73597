import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/db';
import { getProviderAnalytics, getUsageSummary, getWorkspaceOverview, type TimeRange } from '@/lib/analytics';
import { ceilToBucket, floorToBucket, localDaysOnWholeHours } from '@/lib/analytics/usage-source';
import { differenceSql, ROLLUPS } from '@/lib/db/rollups';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createBillingPeriod, createWorkspace } from './fixtures';

/**
 * usage_rollups (migration usage_rollups) and usage_hour_rollups (migration
 * usage_hour_rollups) must always equal the aggregation of usage_records, whatever writes them, and the cost figures read through it must equal
 * the same figures computed from the raw rows, for ranges whose ends cut buckets.
 */

const PROVIDERS = ['twilio', 'deepgram', 'openai', 'elevenlabs'];
const TYPES = ['telephony_minutes', 'stt_seconds', 'llm_tokens', 'tts_characters'];
const BASE = Date.parse('2026-03-01T00:00:00Z');
const SPAN = 40 * 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('usage rollup', () => {
  let t: TestDatabase;
  let workspaces: string[];
  const rnd = random(20261123);
  const pick = <T>(values: T[]) => values[Math.floor(rnd() * values.length)]!;
  // Instants on and near bucket edges as well as anywhere: ms precision, as stored.
  const instant = () => {
    const bucket = BASE + Math.floor(rnd() * (SPAN / 900_000)) * 900_000;
    const offset = pick([0, 1, 899_999, 450_000, Math.floor(rnd() * 900_000)]);
    return new Date(bucket + offset);
  };
  const money = () => (Math.floor(rnd() * 10_000_000) / 1_000_000).toFixed(6);
  const record = (workspaceId: string) => ({
    workspaceId,
    provider: pick(PROVIDERS),
    usageType: pick(TYPES),
    quantity: money(),
    totalCost: money(),
    finalCost: money(),
    createdAt: instant(),
  });

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaces = [
      await createWorkspace(t.db, { timezone: 'Asia/Kathmandu' }),
      await createWorkspace(t.db, { timezone: 'America/New_York' }),
      await createWorkspace(t.db, { timezone: 'UTC' }),
    ];
  });
  afterAll(() => t?.dispose());

  /** Rows of the rollup that differ from the raw aggregation, both ways; [] when equal. */
  async function rollupDifference() {
    return t.db.$queryRaw<{ side: string; workspace_id: string; bucket_start: Date; provider: string; usage_type: string }[]>`
      WITH raw AS (
        SELECT workspace_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket_start, provider, usage_type,
               count(*)::int AS record_count, sum(quantity) AS quantity, sum(total_cost) AS total_cost, sum(final_cost) AS final_cost
        FROM usage_records GROUP BY 1, 2, 3, 4
      ), rollup AS (
        SELECT workspace_id, bucket_start, provider, usage_type, record_count, quantity, total_cost, final_cost FROM usage_rollups
      )
      SELECT 'missing' AS side, d.workspace_id::text AS workspace_id, d.bucket_start, d.provider, d.usage_type FROM (SELECT * FROM raw EXCEPT SELECT * FROM rollup) d
      UNION ALL
      SELECT 'extra', d.workspace_id::text, d.bucket_start, d.provider, d.usage_type FROM (SELECT * FROM rollup EXCEPT SELECT * FROM raw) d`;
  }

  const HOURLY = ROLLUPS.find((r) => r.table === 'usage_hour_rollups')!;

  async function expectInStep() {
    expect(await rollupDifference()).toEqual([]);
    expect(await t.db.$queryRawUnsafe(differenceSql(HOURLY, 5))).toEqual([]);
  }

  it('follows inserts one by one, createMany and a multi-row INSERT in one statement', async () => {
    for (let i = 0; i < 30; i++) await t.db.usageRecord.create({ data: record(pick(workspaces)) });
    await expectInStep();
    await t.db.usageRecord.createMany({ data: Array.from({ length: 400 }, () => record(pick(workspaces))) });
    await expectInStep();
    // Several rows of the same key in one statement, plus fresh keys.
    const at = new Date('2026-03-05T10:07:00Z');
    const rows = Array.from({ length: 50 }, (_, i) => ({ ...record(workspaces[0]!), createdAt: i % 2 ? at : instant() }));
    await t.db.$executeRaw`
      INSERT INTO usage_records (workspace_id, provider, usage_type, quantity, total_cost, final_cost, created_at)
      VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${r.workspaceId}::uuid, ${r.provider}, ${r.usageType}, ${r.quantity}::numeric, ${r.totalCost}::numeric, ${r.finalCost}::numeric, ${r.createdAt}::timestamptz)`))}`;
    await expectInStep();
    const [count] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM usage_rollups`;
    expect(count!.n).toBeGreaterThan(0);
  });

  it('follows updates of final cost, provider, usage type, created_at and workspace, and updates that change nothing counted', async () => {
    const ids = (await t.db.usageRecord.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
    for (let i = 0; i < 25; i++) {
      const id = pick(ids);
      const change = pick(['finalCost', 'provider', 'usageType', 'createdAt', 'workspaceId', 'all'] as const);
      const next = record(pick(workspaces));
      const data =
        change === 'all' ? next
        : change === 'finalCost' ? { finalCost: next.finalCost }
        : change === 'provider' ? { provider: next.provider }
        : change === 'usageType' ? { usageType: next.usageType }
        : change === 'createdAt' ? { createdAt: next.createdAt }
        : { workspaceId: next.workspaceId };
      await t.db.usageRecord.updateMany({ where: { id }, data });
    }
    await expectInStep();
    // Many rows at once, some moving into other buckets, some into an emptied one.
    await t.db.$executeRaw`UPDATE usage_records SET created_at = created_at + interval '7 minutes', final_cost = final_cost * 2 WHERE provider = 'openai'`;
    await t.db.usageRecord.updateMany({ where: { provider: 'twilio' }, data: { provider: 'vonage' } });
    await expectInStep();
    // An update that changes no counted column (e.g. a call unlinked) touches no rollup row.
    const before = await t.db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text AS xmin FROM usage_rollups ORDER BY workspace_id, bucket_start, provider, usage_type`;
    await t.db.usageRecord.updateMany({ data: { callId: null } });
    const after = await t.db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text AS xmin FROM usage_rollups ORDER BY workspace_id, bucket_start, provider, usage_type`;
    expect(after).toEqual(before);
    await expectInStep();
  });

  it('follows deletes, removing the keys whose last record goes', async () => {
    const ids = (await t.db.usageRecord.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
    for (let i = 0; i < 10; i++) await t.db.usageRecord.deleteMany({ where: { id: pick(ids) } });
    await t.db.usageRecord.deleteMany({ where: { provider: 'deepgram' } });
    await expectInStep();
    const [zero] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM usage_rollups WHERE record_count <= 0 OR provider = 'deepgram'`;
    expect(zero!.n).toBe(0);
  });

  it('follows cascades: a deleted workspace takes its usage and its rollup rows', async () => {
    const doomed = await createWorkspace(t.db, { timezone: 'UTC' });
    await t.db.usageRecord.createMany({ data: Array.from({ length: 40 }, () => record(doomed)) });
    await expectInStep();
    await t.db.workspace.delete({ where: { id: doomed } });
    await expectInStep();
    const [left] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM usage_rollups WHERE workspace_id = ${doomed}::uuid`;
    expect(left!.n).toBe(0);
  });

  it('follows concurrent writers to the same buckets without deadlocking', async () => {
    const at = [new Date('2026-03-07T09:00:00Z'), new Date('2026-03-07T09:15:00Z'), new Date('2026-03-07T09:30:00Z')];
    const batch = (order: number[]) =>
      t.db.usageRecord.createMany({
        data: Array.from({ length: 60 }, (_, i) => ({ ...record(workspaces[i % 2]!), provider: PROVIDERS[i % 2]!, createdAt: at[order[i % 3]!]! })),
      });
    await Promise.all([batch([0, 1, 2]), batch([2, 1, 0]), batch([1, 2, 0]), batch([2, 0, 1])]);
    await expectInStep();
  });

  describe('figures read through the rollup equal the raw rows for ranges that cut buckets', () => {
    // Each case: from/to off the 15-minute grid, inside one bucket, on the grid.
    const ranges: [string, string][] = [
      ['2026-03-02T03:07:13.250Z', '2026-03-29T18:52:01.001Z'],
      ['2026-03-04T10:05:00Z', '2026-03-04T10:11:00Z'],
      ['2026-03-04T10:05:00Z', '2026-03-04T10:20:00Z'],
      ['2026-03-03T00:00:00Z', '2026-04-01T00:00:00Z'],
      ['2026-02-20T00:00:00.001Z', '2026-04-15T23:59:59.999Z'],
    ];

    it('has the raw rows the cases need near their edges', async () => {
      for (const [from, to] of ranges) {
        const edges = [new Date(from), new Date(to)];
        const rows = edges.flatMap((edge) => [-1, 0, 1].map((ms) => ({ ...record(workspaces[0]!), createdAt: new Date(edge.getTime() + ms) })));
        const inBucket = edges.flatMap((edge) => [floorToBucket(edge), new Date(ceilToBucket(edge).getTime() - 1)].map((createdAt) => ({ ...record(workspaces[0]!), createdAt })));
        // Either side of the whole hours next to each end: what the hourly rollup must leave to the buckets.
        const hour = 3_600_000;
        const inHour = edges.flatMap((edge) => {
          const floor = Math.floor(edge.getTime() / hour) * hour;
          return [floor - 1, floor, floor + hour - 1, floor + hour].map((ms) => ({ ...record(workspaces[0]!), createdAt: new Date(ms) }));
        });
        await t.db.usageRecord.createMany({ data: [...rows, ...inBucket, ...inHour] });
      }
      // In the half hour after a Lord Howe midnight once it is +10:30 (13:30 UTC): an hour
      // read whole would put them on the day before.
      const lordHowe = ['2026-04-06T13:40:00Z', '2026-04-07T13:31:00Z', '2026-04-08T13:59:59.999Z'];
      await t.db.usageRecord.createMany({ data: lordHowe.map((at) => ({ ...record(workspaces[0]!), createdAt: new Date(at) })) });
      await expectInStep();
    });

    for (const [fromIso, toIso] of ranges) {
      // New York and UTC read whole hours; Kathmandu (+5:45), Kolkata (+5:30) and Lord
      // Howe (+10:30 from 5 April 2026, +11 before) fall back to the buckets where needed.
      for (const timeZone of ['Asia/Kathmandu', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe']) {
        it(`getWorkspaceOverview cost, ${fromIso} – ${toIso} in ${timeZone}`, async () => {
          const range: TimeRange = { from: new Date(fromIso), to: new Date(toIso), timeZone };
          const overview = await getWorkspaceOverview(t.db, { workspaceId: workspaces[0]! }, range);
          for (const [r, figures] of [[range, overview.cost], [overview.previous.range, overview.previous.cost]] as const) {
            const raw = await rawCost(workspaces[0]!, r);
            expect(figures.total).toBe(raw.total);
            expect(figures.byProvider).toEqual(raw.byProvider);
            const nonZero = figures.trend.filter((p) => p.cost !== '0.000000');
            expect(Object.fromEntries(nonZero.map((p) => [p.date, p.cost]))).toEqual(raw.byDay);
          }
        });
      }

      it(`getUsageSummary, ${fromIso} – ${toIso}`, async () => {
        const range: TimeRange = { from: new Date(fromIso), to: new Date(toIso), timeZone: 'UTC' };
        const summary = await getUsageSummary(t.db, { workspaceId: workspaces[0]! }, range);
        const lines = await t.db.$queryRaw<{ provider: string; usageType: string; quantity: string; billedAmount: string }[]>`
          SELECT provider, usage_type AS "usageType", round(sum(quantity), 6)::text AS quantity,
                 round(sum(final_cost), 6)::text AS "billedAmount"
          FROM usage_records
          WHERE workspace_id = ${workspaces[0]!}::uuid AND created_at >= ${range.from} AND created_at < ${range.to}
          GROUP BY 1, 2 ORDER BY provider COLLATE "C", usage_type COLLATE "C"`;
        expect(summary.lines).toEqual(lines);
      });

      it(`getProviderAnalytics cost and revenue, ${fromIso} – ${toIso}`, async () => {
        const range: TimeRange = { from: new Date(fromIso), to: new Date(toIso), timeZone: 'UTC' };
        const rows = await getProviderAnalytics(t.db, range);
        const raw = await t.db.$queryRaw<{ provider: string; cost: string; revenue: string }[]>`
          SELECT provider, round(sum(total_cost), 6)::text AS cost, round(sum(final_cost), 6)::text AS revenue
          FROM usage_records WHERE created_at >= ${range.from} AND created_at < ${range.to}
          GROUP BY 1 ORDER BY 1`;
        expect(rows.map((r) => ({ provider: r.provider, cost: r.totalCost, revenue: r.totalRevenue }))).toEqual(raw);
      });
    }

    it('reads whole hours only where every local day starts on one', () => {
      const range = (from: string, to: string, timeZone: string): TimeRange => ({ from: new Date(from), to: new Date(to), timeZone });
      expect(localDaysOnWholeHours(range('2026-03-02T05:00:00Z', '2026-03-20T04:00:00Z', 'America/New_York'))).toBe(true); // across the DST change
      expect(localDaysOnWholeHours(range('2026-03-02T00:00:00Z', '2026-03-20T00:00:00Z', 'UTC'))).toBe(true);
      expect(localDaysOnWholeHours(range('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', 'Asia/Kolkata'))).toBe(false);
      expect(localDaysOnWholeHours(range('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', 'Asia/Kathmandu'))).toBe(false);
      expect(localDaysOnWholeHours(range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'Australia/Lord_Howe'))).toBe(true); // +11 all month
      expect(localDaysOnWholeHours(range('2026-03-01T00:00:00Z', '2026-04-15T00:00:00Z', 'Australia/Lord_Howe'))).toBe(false); // +10:30 from 5 April
    });

    it('getUsageSummary of a billing period', async () => {
      const id = await createBillingPeriod(t.db, workspaces[0]!, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '1' });
      const summary = await getUsageSummary(t.db, { workspaceId: workspaces[0]! }, { billingPeriodId: id });
      const [total] = await t.db.$queryRaw<{ billed: string }[]>`
        SELECT round(coalesce(sum(final_cost), 0), 6)::text AS billed
        FROM usage_records
        WHERE workspace_id = ${workspaces[0]!}::uuid AND created_at >= '2026-03-01T00:00:00Z'::timestamptz AND created_at < '2026-04-01T00:00:00Z'::timestamptz`;
      expect(summary.totals).toEqual({ billedAmount: total!.billed });
    });
  });

  it('is emptied by TRUNCATE of the usage records', async () => {
    await t.db.$executeRawUnsafe('TRUNCATE usage_records');
    const [n] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM usage_rollups`;
    expect(n!.n).toBe(0);
  });

  async function rawCost(workspaceId: string, range: TimeRange) {
    const rows = await t.db.$queryRaw<{ provider: string | null; day: string | null; cost: string }[]>`
      SELECT u.provider, to_char(u.day, 'YYYY-MM-DD') AS day, round(coalesce(sum(u.final_cost), 0), 6)::text AS cost
      FROM (
        SELECT provider, final_cost, (created_at AT TIME ZONE ${range.timeZone}::text)::date AS day
        FROM usage_records
        WHERE workspace_id = ${workspaceId}::uuid AND created_at >= ${range.from} AND created_at < ${range.to}
      ) u
      GROUP BY GROUPING SETS ((u.provider), (u.day), ())`;
    const byProvider = Object.fromEntries(rows.filter((r) => r.provider !== null).map((r) => [r.provider!, r.cost]));
    const byDay = Object.fromEntries(rows.filter((r) => r.day !== null && r.cost !== '0.000000').map((r) => [r.day!, r.cost]));
    const total = rows.find((r) => r.provider === null && r.day === null)?.cost ?? '0.000000';
    return { total, byProvider, byDay };
  }
});
