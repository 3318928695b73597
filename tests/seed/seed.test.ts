import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type SeedResult } from '@/prisma/seed';
import { apportion, WORKSPACES, workspaceSpecs } from '@/prisma/seed/catalog';
import { verifyRollups } from '@/lib/db/rollup-maintenance';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = new Date('2026-11-20T15:30:00Z');

describe('demo data', () => {
  let t: TestDatabase;
  let result: SeedResult;
  beforeAll(async () => {
    t = await createTestDatabase();
    result = await seedDatabase(t.connection, { calls: 6000, seed: 7, now: NOW, healthDays: 2 });
  });
  afterAll(() => t?.dispose());

  const q = <T>(sql: TemplateStringsArray, ...values: unknown[]) => t.db.$queryRaw<T[]>(sql, ...values);

  it('has ~20 workspaces in varied zones and every status, with cancelled_at exactly on cancelled ones', async () => {
    const rows = await q<{ timezone: string; status: string; cancelled_at: Date | null }>`SELECT timezone, status::text, cancelled_at FROM workspaces`;
    expect(rows.length).toBe(20);
    const zones = new Set(rows.map((r) => r.timezone));
    for (const z of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Sydney', 'UTC']) expect(zones).toContain(z);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['active', 'trialing', 'past_due', 'cancelled']));
    for (const r of rows) expect(r.cancelled_at !== null).toBe(r.status === 'cancelled');
  });

  it('gives each workspace 3–15 agents, some deleted', async () => {
    const rows = await q<{ n: number; deleted: number }>`
      SELECT count(*)::int AS n, count(deleted_at)::int AS deleted FROM voice_agents GROUP BY workspace_id`;
    expect(rows.length).toBe(20);
    for (const r of rows) {
      expect(r.n).toBeGreaterThanOrEqual(3);
      expect(r.n).toBeLessThanOrEqual(15);
    }
    expect(rows.reduce((s, r) => s + r.deleted, 0)).toBeGreaterThan(0);
  });

  it('spreads calls over 13 months with every status, direction and sentiment (and nulls)', async () => {
    const [span] = await q<{ first: Date; last: Date; n: number }>`SELECT min(started_at) AS first, max(started_at) AS last, count(*)::int AS n FROM calls`;
    expect(span!.n).toBe(result.calls);
    // --calls N means N (issue 10): no call of the N asked for is dropped.
    expect(result.calls).toBe(6000);
    expect(span!.last.getTime()).toBeLessThan(NOW.getTime());
    expect(NOW.getTime() - span!.first.getTime()).toBeGreaterThan(360 * 86_400_000);
    const statuses = await q<{ v: string }>`SELECT DISTINCT status::text AS v FROM calls`;
    for (const status of ['completed', 'failed', 'no_answer', 'busy', 'canceled']) expect(statuses.map((r) => r.v)).toContain(status);
    const sentiments = await q<{ v: string | null }>`SELECT DISTINCT sentiment::text AS v FROM calls`;
    expect(new Set(sentiments.map((r) => r.v))).toEqual(new Set(['positive', 'neutral', 'negative', null]));
    const directions = await q<{ v: string }>`SELECT DISTINCT direction::text AS v FROM calls`;
    expect(directions.length).toBe(2);
    const [meta] = await q<{ with_intent: number; with_reason: number; providers: number; response: number }>`
      SELECT count(*) FILTER (WHERE metadata->>'intent' IS NOT NULL AND metadata->>'intent' = intent)::int AS with_intent,
             count(*) FILTER (WHERE metadata ? 'ended_reason')::int AS with_reason,
             count(DISTINCT voice_provider_used)::int AS providers,
             count(avg_response_ms)::int AS response
        FROM calls`;
    expect(meta!.with_intent).toBeGreaterThan(0);
    expect(meta!.with_reason).toBe(result.calls);
    expect(meta!.providers).toBeGreaterThanOrEqual(3);
    expect(meta!.response).toBeGreaterThan(0);
  });

  it('follows local business hours: most calls start between 08:00 and 18:00 local time', async () => {
    const [r] = await q<{ share: number }>`
      SELECT avg(CASE WHEN extract(hour FROM c.started_at AT TIME ZONE w.timezone) BETWEEN 8 AND 17 THEN 1.0 ELSE 0 END)::float8 AS share
        FROM calls c JOIN workspaces w ON w.id = c.workspace_id`;
    expect(r!.share).toBeGreaterThan(0.7);
  });

  it('bills each call exactly the sum of its usage records, and marks provider cost up', async () => {
    const [mismatch] = await q<{ n: number }>`
      SELECT count(*)::int AS n FROM calls c
       WHERE c.cost_total <> COALESCE((SELECT sum(u.final_cost) FROM usage_records u WHERE u.call_id = c.id), 0)`;
    expect(mismatch!.n).toBe(0);
    const [usage] = await q<{ n: number; types: number; ws_mismatch: number }>`
      SELECT count(*)::int AS n, count(DISTINCT usage_type)::int AS types,
             count(*) FILTER (WHERE u.workspace_id <> c.workspace_id)::int AS ws_mismatch
        FROM usage_records u JOIN calls c ON c.id = u.call_id`;
    expect(usage!.n).toBe(result.usageRecords);
    expect(usage!.types).toBe(4);
    expect(usage!.ws_mismatch).toBe(0);
    const margins = await q<{ provider: string; cost: string; billed: string }>`
      SELECT provider, sum(total_cost)::text AS cost, sum(final_cost)::text AS billed FROM usage_records GROUP BY provider`;
    const negative = margins.filter((m) => Number(m.billed) < Number(m.cost)).map((m) => m.provider);
    expect(negative).toEqual(['playht']);
  });

  it('fills the usage rollup with exactly the aggregation of the usage records, its insert trigger back on', async () => {
    const [diff] = await q<{ missing: number; extra: number; rollups: number }>`
      WITH raw AS (
        SELECT workspace_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket_start, provider, usage_type,
               count(*)::int AS record_count, sum(quantity) AS quantity, sum(total_cost) AS total_cost, sum(final_cost) AS final_cost
        FROM usage_records GROUP BY 1, 2, 3, 4
      ), rollup AS (
        SELECT workspace_id, bucket_start, provider, usage_type, record_count, quantity, total_cost, final_cost FROM usage_rollups
      )
      SELECT (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM rollup) d)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM rollup EXCEPT SELECT * FROM raw) d)::int AS extra,
             (SELECT count(*) FROM usage_rollups)::int AS rollups`;
    expect(diff).toEqual({ missing: 0, extra: 0, rollups: expect.any(Number) });
    expect(diff!.rollups).toBeGreaterThan(0);
    const triggers = await q<{ tgname: string; tgenabled: string }>`
      SELECT tgname::text AS tgname, tgenabled::text AS tgenabled FROM pg_trigger WHERE tgrelid = 'usage_records'::regclass AND tgname LIKE 'usage_rollups_%' ORDER BY tgname`;
    expect(triggers).toEqual(['usage_rollups_delete', 'usage_rollups_insert', 'usage_rollups_truncate', 'usage_rollups_update'].map((tgname) => ({ tgname, tgenabled: 'O' })));
  });

  it('fills every rollup with exactly its aggregation of the raw rows (the hourly usage from the quarter hours), insert triggers back on', async () => {
    const report = await verifyRollups(t.connection);
    expect(report.tables.filter((r) => r.differences > 0)).toEqual([]);
    expect(report.tables.map((r) => r.table)).toContain('usage_hour_rollups');
    const [hours] = await q<{ n: number }>`SELECT count(*)::int AS n FROM usage_hour_rollups`;
    expect(hours!.n).toBeGreaterThan(0);
    const triggers = await q<{ tgname: string; tgenabled: string }>`
      SELECT tgname::text AS tgname, tgenabled::text AS tgenabled FROM pg_trigger WHERE tgrelid = 'usage_records'::regclass AND tgname LIKE 'usage_hour_rollups_%' ORDER BY tgname`;
    expect(triggers).toEqual(['usage_hour_rollups_delete', 'usage_hour_rollups_insert', 'usage_hour_rollups_truncate', 'usage_hour_rollups_update'].map((tgname) => ({ tgname, tgenabled: 'O' })));
  });

  it('bills on each workspace’s own calendar months: local midnight of the 1st to the next 1st', async () => {
    const [r] = await q<{ n: number; off: number }>`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE (b.period_start AT TIME ZONE w.timezone) <> date_trunc('month', b.period_start AT TIME ZONE w.timezone)
                                 OR (b.period_end AT TIME ZONE w.timezone) <> date_trunc('month', b.period_end AT TIME ZONE w.timezone)
                                 OR date_trunc('month', b.period_end AT TIME ZONE w.timezone) <> date_trunc('month', b.period_start AT TIME ZONE w.timezone) + interval '1 month')::int AS off
        FROM billing_periods b JOIN workspaces w ON w.id = b.workspace_id`;
    expect(r!.n).toBeGreaterThan(100);
    expect(r!.off).toBe(0);
  });

  it('writes its billing periods with the product\'s own close: usage lines are the exact usage of the month, less the credit', async () => {
    const statuses = await q<{ v: string }>`SELECT DISTINCT status::text AS v FROM billing_periods`;
    expect(new Set(statuses.map((r) => r.v))).toEqual(new Set(['paid', 'finalized', 'draft']));
    const [wrong] = await q<{ n: number }>`
      SELECT count(*)::int AS n FROM billing_periods b
       WHERE COALESCE((SELECT sum(amount) FROM billing_line_items l WHERE l.billing_period_id = b.id AND l.kind = 'usage'), 0)
             <> COALESCE((SELECT sum(final_cost) FROM usage_records u
                          WHERE u.workspace_id = b.workspace_id AND u.created_at >= b.period_start AND u.created_at < b.period_end), 0)
          OR b.usage_amount <> COALESCE((SELECT sum(amount) FROM billing_line_items l WHERE l.billing_period_id = b.id AND l.kind IN ('usage', 'credit')), 0)
          OR b.total_amount <> b.subscription_amount + b.usage_amount + b.adjustment_amount`;
    expect(wrong!.n).toBe(0);
    // Every ended month is invoiced, numbered without gaps; only current months are drafts.
    const [n] = await q<{ invoices: number; max: number; drafts: number; endedDrafts: number; workspaces: number }>`
      SELECT count(invoice_number)::int AS invoices, max(right(invoice_number, 6)::int) AS max,
             (count(*) FILTER (WHERE status = 'draft'))::int AS drafts,
             (count(*) FILTER (WHERE status = 'draft' AND period_end <= ${NOW}::timestamptz))::int AS "endedDrafts",
             (SELECT count(*)::int FROM workspaces WHERE status <> 'cancelled') AS workspaces
      FROM billing_periods`;
    expect(n!.invoices).toBe(n!.max);
    expect(n!.endedDrafts).toBe(0);
    // Every live workspace has its current month open (a workspace cancelled this month too).
    expect(n!.drafts).toBeGreaterThanOrEqual(n!.workspaces);
    const [paid] = await q<{ periods: number; audits: number }>`
      SELECT (SELECT count(*)::int FROM billing_periods WHERE status = 'paid') AS periods,
             (SELECT count(*)::int FROM audit_log WHERE action = 'billing_period.paid') AS audits`;
    expect(paid!.periods).toBeGreaterThan(50);
    expect(paid!.audits).toBe(paid!.periods);
  });

  it('records provider health every 5 minutes and the demo users with memberships', async () => {
    const [h] = await q<{ providers: number; step: number }>`
      SELECT count(DISTINCT provider)::int AS providers,
             (SELECT extract(epoch FROM last_check - lag)::int FROM (SELECT last_check, lag(last_check) OVER (ORDER BY last_check) AS lag
                FROM provider_health_status WHERE provider = 'twilio') s WHERE lag IS NOT NULL LIMIT 1) AS step
        FROM provider_health_status`;
    expect(h!.providers).toBe(7);
    expect(h!.step).toBe(300);
    const [u] = await q<{ admins: number; owners: number; members: number }>`
      SELECT (SELECT count(*)::int FROM users WHERE is_platform_admin) AS admins,
             (SELECT count(*)::int FROM memberships WHERE role = 'owner') AS owners,
             (SELECT count(*)::int FROM memberships WHERE role = 'member') AS members`;
    expect(u).toEqual({ admins: 1, owners: 20, members: 21 });
    expect(result.logins[0]).toMatchObject({ email: 'admin@example.com', role: 'platform admin' });
  });

  it('is deterministic: the same seed and anchor give the same data', async () => {
    const digest = () => q<{ d: string }>`SELECT md5(string_agg(id::text || status::text || started_at::text || cost_total::text, ',' ORDER BY id)) AS d FROM calls`;
    const [before] = await digest();
    await seedDatabase(t.connection, { calls: 6000, seed: 7, now: NOW, healthDays: 2 });
    const [after] = await digest();
    expect(after!.d).toBe(before!.d);
  });

  it('leaves the previous data intact when seeding fails midway', async () => {
    const [before] = await q<{ n: number }>`SELECT count(*)::int AS n FROM calls`;
    const [idxBefore] = await q<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'calls'`;
    await expect(seedDatabase(t.connection, { calls: 100, seed: 1, now: NOW, adminEmail: 'x'.repeat(3) + '\u0000' })).rejects.toThrow();
    const [after] = await q<{ n: number }>`SELECT count(*)::int AS n FROM calls`;
    expect(after!.n).toBe(before!.n);
    const [idx] = await q<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'calls'`;
    // The indexes the seed drops for its load are all back (it rebuilds them in its transaction).
    expect(idx!.n).toBe(idxBefore!.n);
    expect(idx!.n).toBeGreaterThanOrEqual(4);
  });
});

describe('demo data of many workspaces (--workspaces N)', () => {
  it('keeps the catalog for the default 20 and sizes any other count by Zipf: one whale of ~6 % in 1,000, a long tail', () => {
    expect(workspaceSpecs(20)).toBe(WORKSPACES);
    const specs = workspaceSpecs(1000);
    const counts = apportion(10_000_000, specs.map((s) => s.weight));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(10_000_000);
    expect(counts[0]! / 10_000_000).toBeGreaterThan(0.055);
    expect(counts[0]! / 10_000_000).toBeLessThan(0.07);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts[999]!).toBeLessThan(counts[0]! / 200);
    expect(new Set(specs.map((s) => s.name)).size).toBe(1000);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(5, [0, 2, 0])).toEqual([0, 5, 0]);
  });

  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.dispose());

  it('loads exactly N calls over W workspaces with every zone, status and deleted agents, deterministically', async () => {
    const options = { calls: 3001, workspaces: 45, seed: 3, now: NOW, healthDays: 1 };
    const result = await seedDatabase(t.connection, options);
    expect(result).toMatchObject({ calls: 3001, workspaces: 45 });
    const q = <T>(sql: TemplateStringsArray, ...values: unknown[]) => t.db.$queryRaw<T[]>(sql, ...values);
    const [n] = await q<{ calls: number; workspaces: number; slugs: number; deleted: number; zones: number; statuses: number }>`
      SELECT (SELECT count(*)::int FROM calls) AS calls, (SELECT count(*)::int FROM workspaces) AS workspaces,
             (SELECT count(DISTINCT slug)::int FROM workspaces) AS slugs, (SELECT count(deleted_at)::int FROM voice_agents) AS deleted,
             (SELECT count(DISTINCT timezone)::int FROM workspaces) AS zones, (SELECT count(DISTINCT status)::int FROM workspaces) AS statuses`;
    expect(n).toMatchObject({ calls: 3001, workspaces: 45, slugs: 45, zones: new Set(WORKSPACES.map((w) => w.timezone)).size, statuses: 4 });
    expect(n!.deleted).toBeGreaterThan(0);
    expect((await verifyRollups(t.connection)).tables.filter((r) => r.differences > 0)).toEqual([]);
    const [rollups] = await q<{ rows: number; indexes: number }>`
      SELECT (SELECT count(*)::int FROM usage_rollups) AS rows,
             (SELECT count(*)::int FROM pg_indexes WHERE tablename = 'usage_rollups') AS indexes`;
    expect(rollups!.rows).toBeGreaterThan(0);
    // The secondary index dropped for the rebuild is back, beside the primary key.
    expect(rollups!.indexes).toBe(2);
    const sizes = await q<{ n: number }>`SELECT count(*)::int AS n FROM calls GROUP BY workspace_id ORDER BY 1 DESC`;
    expect(sizes[0]!.n).toBeGreaterThan(3 * sizes[sizes.length - 1]!.n);
    const digest = () => q<{ d: string }>`SELECT md5(string_agg(id::text || workspace_id::text || started_at::text || cost_total::text, ',' ORDER BY id)) AS d FROM calls`;
    const [before] = await digest();
    await seedDatabase(t.connection, options);
    const [after] = await digest();
    expect(after!.d).toBe(before!.d);
  });
});
