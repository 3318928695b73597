import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdminOverview } from '@/lib/admin/admin-overview';
import { prepareOverviewKpis } from '@/lib/admin/overview-kpis';
import { revenueByMonthPoints } from '@/lib/admin/chart-data';
import { getRevenueByMonth, resolveRange } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createBillingPeriod, createTier, createWorkspace } from '../analytics/fixtures';

/**
 * Issue 15 item 1: the console opens on the last full month, whose revenue is real; the
 * current-state cards follow the range's end; a draft month is "draft", not $0.
 */
describe('getAdminOverview', () => {
  let t: TestDatabase;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    await createTier(db, { name: 'pro', monthlyFee: '100' });
    const jan = new Date('2026-01-01T00:00:00Z');
    const a = await createWorkspace(db, { name: 'Acme', status: 'active', tier: 'pro', createdAt: jan });
    const b = await createWorkspace(db, { name: 'Beta', status: 'active', tier: 'pro', createdAt: jan });
    // Joins after February: not in February's state.
    await createWorkspace(db, { name: 'Later', status: 'active', tier: 'pro', createdAt: new Date('2026-03-05T00:00:00Z') });
    await createBillingPeriod(db, a, { periodStart: '2026-02-01T00:00:00Z', periodEnd: '2026-03-01T00:00:00Z', totalAmount: '120', status: 'paid' });
    await createBillingPeriod(db, b, { periodStart: '2026-02-01T00:00:00Z', periodEnd: '2026-03-01T00:00:00Z', totalAmount: '80', status: 'finalized' });
    // March is still open: its periods are drafts.
    await createBillingPeriod(db, a, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '40', status: 'draft' });
  });
  afterAll(() => t?.dispose());

  it('last month: real revenue, top workspaces by revenue, and the state at the month’s end', async () => {
    const range = resolveRange({ calendar: 'last_month' }, 'UTC', now);
    const overview = await getAdminOverview(t.db, range);
    expect(overview.totalRevenue).toBe('200.000000');
    expect(overview.draftRevenue).toBe('0.000000');
    expect(overview.topWorkspaces.map((w) => [w.name, w.revenue])).toEqual([
      ['Acme', '120.000000'],
      ['Beta', '80.000000'],
      ['Later', '0.000000'],
    ]);
    // At Mar 1: Acme and Beta; "Later" did not exist yet, though it is active today.
    expect([overview.totalWorkspaces, overview.activeWorkspaces, overview.mrr, overview.arr]).toEqual([2, 2, '200.000000', '2400.000000']);
    expect(overview.atStart.at).toEqual(new Date('2026-02-01T00:00:00Z'));
  });

  it('this month to date: the draft is said apart, not counted, and the state is today’s', async () => {
    const overview = await getAdminOverview(t.db, resolveRange({ calendar: 'this_month' }, 'UTC', now));
    expect(overview.totalRevenue).toBe('0.000000');
    expect(overview.draftRevenue).toBe('40.000000');
    expect([overview.totalWorkspaces, overview.mrr]).toEqual([3, '300.000000']);
    const revenue = prepareOverviewKpis(overview).find((kpi) => kpi.key === 'revenue')!;
    expect(revenue.note).toBe('+ $40.00 in draft periods, not final');
  });

  it('revenue by month follows the range and marks a draft month', async () => {
    const months = await getRevenueByMonth(t.db, resolveRange({ fromMonth: '2026-02', toMonth: '2026-03' }, 'UTC', now));
    const points = revenueByMonthPoints(months);
    expect(points.map((p) => [p.key, p.value, p.display, p.partial])).toEqual([
      ['2026-02', 200, '$200.00', undefined],
      ['2026-03', 40, '$0.00', '+ $40.00 draft, not final'],
    ]);
  });
});
