import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMrrByTier, getRevenueByMonth, getWorkspaceList, lastCalendarMonths } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createBillingPeriod, createCalls, createTier, createWorkspace, utcRange } from './fixtures';

describe('admin console figures: MRR by tier, revenue by month, workspace list', () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    await createTier(db, { name: 'pro', monthlyFee: '99.99' });
    await createTier(db, { name: 'enterprise', monthlyFee: '1200', billingInterval: 'year' });
    await createTier(db, { name: 'unused', monthlyFee: '5' });
    ids.a = await createWorkspace(db, { name: 'Acme', status: 'active', tier: 'pro' });
    ids.b = await createWorkspace(db, { name: 'Beta', status: 'active', tier: 'pro' });
    ids.c = await createWorkspace(db, { name: 'Corp', status: 'active', tier: 'enterprise' });
    ids.d = await createWorkspace(db, { name: 'Dormant', status: 'cancelled', tier: 'enterprise', cancelledAt: new Date('2026-01-01T00:00:00Z') });
    await createBillingPeriod(db, ids.a, { periodStart: '2026-01-01T00:00:00Z', periodEnd: '2026-02-01T00:00:00Z', totalAmount: '10.1' });
    await createBillingPeriod(db, ids.b, { periodStart: '2026-01-01T00:00:00Z', periodEnd: '2026-02-01T00:00:00Z', totalAmount: '0.2', status: 'finalized' });
    await createBillingPeriod(db, ids.a, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '7' });
    await createBillingPeriod(db, ids.a, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '100', status: 'draft' });
    // Jan 31 20:00 in New York, Feb 1 in UTC.
    await createBillingPeriod(db, ids.c, { periodStart: '2026-02-01T01:00:00Z', periodEnd: '2026-03-01T01:00:00Z', totalAmount: '3' });
    await createCalls(db, ids.a, [{ startedAt: '2026-03-05T00:00:00Z' }, { startedAt: '2026-03-06T00:00:00Z' }]);
    await createCalls(db, ids.c, [{ startedAt: '2026-03-05T00:00:00Z' }]);
  });
  afterAll(() => t?.dispose());

  it('MRR by tier, every tier listed', async () => {
    expect(await getMrrByTier(t.db)).toEqual([
      { tier: 'pro', billingInterval: 'month', fee: '99.990000', activeWorkspaces: 2, mrr: '199.980000' },
      { tier: 'enterprise', billingInterval: 'year', fee: '1200.000000', activeWorkspaces: 1, mrr: '100.000000' },
      { tier: 'unused', billingInterval: 'month', fee: '5.000000', activeWorkspaces: 0, mrr: '0.000000' },
    ]);
  });

  it('revenue per local calendar month, zero-filled', async () => {
    const now = new Date('2026-03-15T00:00:00Z');
    const utc = lastCalendarMonths(4, 'UTC', now);
    expect(utc.from.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(await getRevenueByMonth(t.db, utc)).toEqual([
      { month: '2025-12', revenue: '0.000000', draft: '0.000000' },
      { month: '2026-01', revenue: '10.300000', draft: '0.000000' },
      { month: '2026-02', revenue: '3.000000', draft: '0.000000' },
      // The draft period is kept apart: not revenue yet, but not $0 either.
      { month: '2026-03', revenue: '7.000000', draft: '100.000000' },
    ]);
    const newYork = await getRevenueByMonth(t.db, lastCalendarMonths(4, 'America/New_York', now));
    // In New York every period starts the evening before: Jan 1 00:00Z is Dec 31, Corp's
    // Feb 1 01:00Z is Jan 31 and Acme's Mar 1 00:00Z is Feb 28.
    expect(newYork).toEqual([
      { month: '2025-12', revenue: '10.300000', draft: '0.000000' },
      { month: '2026-01', revenue: '3.000000', draft: '0.000000' },
      { month: '2026-02', revenue: '7.000000', draft: '100.000000' },
      { month: '2026-03', revenue: '0.000000', draft: '0.000000' },
    ]);
  });

  it('workspace list with calls, revenue and MRR', async () => {
    const rows = await getWorkspaceList(t.db, utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'));
    expect(rows.map((r) => [r.name, r.status, r.tier, r.calls, r.revenue, r.mrr])).toEqual([
      ['Acme', 'active', 'pro', 2, '7.000000', '99.990000'],
      ['Beta', 'active', 'pro', 0, '0.000000', '99.990000'],
      ['Corp', 'active', 'enterprise', 1, '0.000000', '100.000000'],
      ['Dormant', 'cancelled', 'enterprise', 0, '0.000000', '0.000000'],
    ]);
    expect(rows[3]!.cancelledAt).toEqual(new Date('2026-01-01T00:00:00Z'));
  });
});
