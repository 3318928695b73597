import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/db';
import { getUsageSummary, getWorkspaceOverview } from '@/lib/analytics';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { usageSource } from '@/lib/analytics/usage-source';
import { getWindowFigures } from '@/lib/analytics/window-figures';
import { getWorkspaceRangeTotals } from '@/lib/analytics/workspace-month';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createUsage, createWorkspace, utcRange } from './fixtures';

// Which pieces usageSource reads (lib/analytics/usage-source.ts), and that every caller
// allowed to read whole UTC hours does. The pieces give the same sums by design
// (tests/analytics/rollup.test.ts), so here the rollups are made to disagree with the
// records: every 15-minute rollup row carries 100 more and every hour row 10,000 more,
// and each record costs a different power of two, so a sum says which rows were read.
const QUARTER_EXTRA = 100;
const HOUR_EXTRA = 10_000;

async function corruptRollups(t: TestDatabase, workspaceId: string) {
  await t.db.$executeRaw(Prisma.sql`UPDATE usage_rollups SET final_cost = final_cost + ${QUARTER_EXTRA} WHERE workspace_id = ${workspaceId}::uuid`);
  await t.db.$executeRaw(Prisma.sql`UPDATE usage_hour_rollups SET final_cost = final_cost + ${HOUR_EXTRA} WHERE workspace_id = ${workspaceId}::uuid`);
}

describe('usageSource: the pieces of a range', () => {
  let t: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'UTC' });
    const at = (hhmm: string) => `2026-03-10T${hhmm}:00Z`;
    // [time, cost]: around the range 08:40–11:20 (raw 08:40–08:45, quarter 08:45–09:00,
    // hours 09:00–11:00, quarter 11:00–11:15, raw 11:15–11:20) and one bucket 08:45–09:00.
    const records: [string, number][] = [['08:30', 64], ['08:42', 1], ['08:50', 2], ['08:59', 256], ['09:10', 4], ['10:30', 8], ['11:05', 16], ['11:17', 32], ['11:25', 128]];
    for (const [time, cost] of records) await createUsage(t.db, workspaceId, { createdAt: at(time), finalCost: String(cost) });
    await corruptRollups(t, workspaceId);
  });
  afterAll(() => t?.dispose());

  const sum = async (from: string, to: string, wholeHours?: boolean) => {
    const source = usageSource({ workspaceId }, new Date(`2026-03-10T${from}:00Z`), new Date(`2026-03-10T${to}:00Z`), undefined, wholeHours === undefined ? {} : { wholeHours });
    const [row] = await t.db.$queryRaw<{ total: string }[]>`SELECT coalesce(sum(u.final_cost), 0)::text AS total FROM ${source} u`;
    return Number(row!.total);
  };

  it('reads raw edges, quarter rollups at the ends and hour rollups in the middle with wholeHours', async () => {
    // 1 + (2 + 256 + 100) + (4 + 10,000) + (8 + 10,000) + (16 + 100) + 32
    expect(await sum('08:40', '11:20', true)).toBe(20_519);
  });

  it('reads only quarter rollups between the raw edges without wholeHours', async () => {
    // 1 + (258 + 100) + (4 + 100) + (8 + 100) + (16 + 100) + 32
    expect(await sum('08:40', '11:20')).toBe(719);
    expect(await sum('08:40', '11:20', false)).toBe(719);
  });

  it('reads the records alone inside withoutRollups', async () => {
    expect(await withoutRollups(() => sum('08:40', '11:20', true))).toBe(319);
  });

  it('reads the records alone for a range inside one bucket, never past its end', async () => {
    expect(await sum('08:46', '08:58', true)).toBe(2);
    expect(await sum('08:46', '08:58')).toBe(2);
  });

  it('reads quarter rollups when the range holds no whole UTC hour, even with wholeHours', async () => {
    // 09:05–09:50: raw 09:05–09:15 (4), no record in the quarters 09:15–09:45, none after.
    expect(await sum('09:05', '09:50', true)).toBe(4);
    // 08:40–09:10: raw 1, quarter 08:45 (358), raw 09:00–09:10 (none: 09:10 is the end); no hour is whole.
    expect(await sum('08:40', '09:10', true)).toBe(359);
  });

  it('reads an hour rollup when the range is exactly whole hours', async () => {
    expect(await sum('09:00', '11:00', true)).toBe(20_012);
    expect(await sum('09:00', '11:00')).toBe(212);
  });
});

describe('usage figures read the hour rollups where local days allow it', () => {
  let t: TestDatabase;
  let workspaceId: string;
  // A UTC week and the week before it, each with one record at 09:10.
  const week = utcRange('2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'UTC' });
    await createUsage(t.db, workspaceId, { createdAt: '2026-03-10T09:10:00Z', finalCost: '4' });
    await createUsage(t.db, workspaceId, { createdAt: '2026-03-03T09:10:00Z', finalCost: '8' });
    await corruptRollups(t, workspaceId);
  });
  afterAll(() => t?.dispose());

  it('overview: hour rollups for the range and the previous one in a whole-hour zone', async () => {
    const overview = await getWorkspaceOverview(t.db, { workspaceId }, week);
    expect(overview.cost.total).toBe('10004.000000');
    expect(overview.previous.cost.total).toBe('10008.000000');
  });

  it('overview: quarter rollups where local days start on a half hour (Asia/Kolkata)', async () => {
    const kolkata = { ...week, timeZone: 'Asia/Kolkata' };
    const overview = await getWorkspaceOverview(t.db, { workspaceId }, kolkata);
    expect(overview.cost.total).toBe('104.000000');
    expect(overview.previous.cost.total).toBe('108.000000');
  });

  it('usage summary, alert window figures and workspace list totals: hour rollups', async () => {
    expect((await getUsageSummary(t.db, { workspaceId }, week)).totals.billedAmount).toBe('10004.000000');
    expect((await getWindowFigures(t.db, { workspaceId }, week)).billedCost).toBe('10004.000000');
    expect((await getWorkspaceRangeTotals(t.db, [workspaceId], week)).get(workspaceId)!.spend).toBe('10004.000000');
  });
});
