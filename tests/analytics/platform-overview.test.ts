import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlatformOverview } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createBillingPeriod, createCalls, createTier, createWorkspace, utcRange } from './fixtures';

describe('getPlatformOverview', () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};
  const march = utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    const pro = await createTier(db, { name: 'pro', monthlyFee: '99.99' });
    const enterprise = await createTier(db, { name: 'enterprise', monthlyFee: '1200', billingInterval: 'year' });
    const starter = await createTier(db, { name: 'starter', monthlyFee: '10' });
    const old = new Date('2025-01-01T00:00:00Z');
    ids.acme = await createWorkspace(db, { name: 'Acme', status: 'active', tier: pro, createdAt: old });
    ids.beta = await createWorkspace(db, { name: 'Beta', status: 'active', tier: enterprise, createdAt: old });
    ids.gone = await createWorkspace(db, { name: 'Gone', status: 'cancelled', tier: pro, createdAt: old, cancelledAt: new Date('2026-03-10T00:00:00Z') });
    ids.early = await createWorkspace(db, { name: 'Early', status: 'cancelled', tier: pro, createdAt: old, cancelledAt: new Date('2026-02-01T00:00:00Z') });
    ids.fresh = await createWorkspace(db, { name: 'Fresh', status: 'trialing', tier: starter, createdAt: new Date('2026-03-15T00:00:00Z') });

    // Acme: two paid periods and three calls in March. The seed's double LEFT JOIN
    // would report 6 calls and 3 × 150.5 of revenue.
    await createBillingPeriod(db, ids.acme, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-16T00:00:00Z', totalAmount: '100' });
    await createBillingPeriod(db, ids.acme, { periodStart: '2026-03-16T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '50.5' });
    await createCalls(db, ids.acme, [{ startedAt: '2026-03-02T00:00:00Z' }, { startedAt: '2026-03-03T00:00:00Z' }, { startedAt: '2026-03-31T23:59:59Z' }]);
    await createCalls(db, ids.acme, [{ startedAt: '2026-04-01T00:00:00Z' }, { startedAt: '2026-02-15T00:00:00Z' }]);
    // Beta: one finalized period; draft and void periods are not revenue.
    await createBillingPeriod(db, ids.beta, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', status: 'finalized', totalAmount: '200' });
    await createBillingPeriod(db, ids.beta, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', status: 'draft', totalAmount: '1000' });
    await createBillingPeriod(db, ids.beta, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', status: 'void', totalAmount: '1000' });
    // Gone: a period of the previous range.
    await createBillingPeriod(db, ids.gone, { periodStart: '2026-02-01T00:00:00Z', periodEnd: '2026-03-01T00:00:00Z', totalAmount: '70' });
    await createCalls(db, ids.gone, [{ startedAt: '2026-03-05T00:00:00Z' }]);
  });
  afterAll(() => t?.dispose());

  it('counts workspaces, calls, revenue and recurring revenue', async () => {
    const p = await getPlatformOverview(t.db, march);
    expect(p.totalWorkspaces).toBe(5);
    expect(p.activeWorkspaces).toBe(2);
    expect(p.totalCalls).toBe(4);
    expect(p.totalRevenue).toBe('350.500000');
    // 99.99 (monthly) + 1200 / 12 (yearly); trialing and cancelled workspaces add nothing.
    expect(p.mrr).toBe('199.990000');
    expect(p.arr).toBe('2399.880000');
  });

  it('churn counts cancelled_at in the range over workspaces alive at its start (seed defect 6)', async () => {
    const p = await getPlatformOverview(t.db, march);
    // Alive on Mar 1: Acme, Beta, Gone (Early was cancelled in February, Fresh did not exist).
    expect(p.churnedWorkspaces).toBe(1);
    expect(p.churnRate).toBeCloseTo(100 / 3, 10);
  });

  it('top workspaces aggregate calls and revenue separately (seed defect 5)', async () => {
    const p = await getPlatformOverview(t.db, march);
    expect(p.topWorkspaces).toEqual([
      { workspaceId: ids.beta, name: 'Beta', calls: 0, revenue: '200.000000' },
      { workspaceId: ids.acme, name: 'Acme', calls: 3, revenue: '150.500000' },
      // No revenue in the range: ties by name.
      { workspaceId: ids.early, name: 'Early', calls: 0, revenue: '0.000000' },
      { workspaceId: ids.fresh, name: 'Fresh', calls: 0, revenue: '0.000000' },
      { workspaceId: ids.gone, name: 'Gone', calls: 1, revenue: '0.000000' },
    ]);
  });

  it('previous block: the range of equal length before', async () => {
    const { previous } = await getPlatformOverview(t.db, march);
    expect(previous.range).toEqual(utcRange('2026-01-29T00:00:00Z', '2026-03-01T00:00:00Z'));
    expect(previous.totalCalls).toBe(1);
    expect(previous.totalRevenue).toBe('70.000000');
    // Early cancelled on Feb 1, of the 4 workspaces alive on Jan 29.
    expect(previous.churnedWorkspaces).toBe(1);
    expect(previous.churnRate).toBe(25);
  });
});
