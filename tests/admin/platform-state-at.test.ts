import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlatformOverview } from '@/lib/analytics';
import { getPlatformStateAt } from '@/lib/admin/platform-state-at';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createTier, createWorkspace, utcRange } from '../analytics/fixtures';

/** The baseline of the workspaces / active / MRR / ARR cards' change: the platform at the range start. */
describe('getPlatformStateAt', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    await createTier(db, { name: 'pro', monthlyFee: '99.99' });
    await createTier(db, { name: 'annual', monthlyFee: '1200', billingInterval: 'year' });
    const jan2025 = new Date('2025-01-01T00:00:00Z');
    await createWorkspace(db, { name: 'Active pro', status: 'active', tier: 'pro', createdAt: jan2025 });
    await createWorkspace(db, { name: 'Active annual', status: 'active', tier: 'annual', createdAt: jan2025 });
    // Active now, but created after Mar 1: not there at the start of March.
    await createWorkspace(db, { name: 'New in March', status: 'active', tier: 'pro', createdAt: new Date('2026-03-10T00:00:00Z') });
    // Cancelled in March: active (and paying) on Mar 1.
    await createWorkspace(db, { name: 'Left in March', status: 'cancelled', tier: 'annual', createdAt: jan2025, cancelledAt: new Date('2026-03-20T00:00:00Z') });
    // Cancelled before: counted as a workspace, neither active nor MRR.
    await createWorkspace(db, { name: 'Left in January', status: 'cancelled', tier: 'pro', createdAt: jan2025, cancelledAt: new Date('2026-01-15T00:00:00Z') });
    // Trialing and past-due: existing, not active, no MRR, then as now.
    await createWorkspace(db, { name: 'Trial', status: 'trialing', tier: 'pro', createdAt: new Date('2026-02-20T00:00:00Z') });
    await createWorkspace(db, { name: 'Late payer', status: 'past_due', tier: 'pro', createdAt: jan2025 });
  });
  afterAll(() => t?.dispose());

  it('counts workspaces created before the instant and reads who was active then from the subscription history', async () => {
    const state = await getPlatformStateAt(t.db, new Date('2026-03-01T00:00:00Z'));
    expect(state.totalWorkspaces).toBe(6);
    // Active pro, Active annual, Left in March.
    expect(state.activeWorkspaces).toBe(3);
    // 99.99 + 1200 / 12 + 1200 / 12: yearly tiers spread over 12 months; trialing and past-due add nothing.
    expect(state.mrr).toBe('299.990000');
    expect(state.arr).toBe('3599.880000');
  });

  it('a workspace cancelled exactly at the instant still counts (cancelled_at >= instant), one created at it does not (created_at < instant)', async () => {
    const atCancel = await getPlatformStateAt(t.db, new Date('2026-03-20T00:00:00Z'));
    // Active pro, Active annual, New in March, Left in March.
    expect(atCancel.activeWorkspaces).toBe(4);
    const atCreation = await getPlatformStateAt(t.db, new Date('2026-03-10T00:00:00Z'));
    expect(atCreation.totalWorkspaces).toBe(6);
    expect(atCreation.activeWorkspaces).toBe(3);
  });

  it('at the present it equals the overview’s current figures', async () => {
    const now = new Date();
    const [state, overview] = await Promise.all([
      getPlatformStateAt(t.db, now),
      getPlatformOverview(t.db, utcRange(new Date(now.getTime() - 30 * 86_400_000).toISOString(), now.toISOString())),
    ]);
    expect(state.totalWorkspaces).toBe(overview.totalWorkspaces);
    expect(state.activeWorkspaces).toBe(overview.activeWorkspaces);
    expect(state.mrr).toBe(overview.mrr);
    expect(state.arr).toBe(overview.arr);
  });

  it('follows recorded plan changes: an upgrade after the instant is not in its MRR, one before it is', async () => {
    const id = await createWorkspace(t.db, { name: 'Upgrader', status: 'active', tier: 'pro', createdAt: new Date('2025-06-01T00:00:00Z') });
    await t.db.subscriptionHistory.create({
      data: { workspaceId: id, occurredAt: new Date('2026-03-15T00:00:00Z'), kind: 'tier_changed', fromStatus: 'active', toStatus: 'active', fromTier: 'pro', toTier: 'annual', mrrBefore: '99.99', mrrAfter: '100', actorLabel: 'test' },
    });
    expect((await getPlatformStateAt(t.db, new Date('2026-03-01T00:00:00Z'))).mrr).toBe('399.980000'); // 299.99 + 99.99
    // Active pro, Active annual, New in March (from Mar 10), Left in March (until Mar 20) = 399.98, and the Upgrader now at 1200 / 12.
    expect((await getPlatformStateAt(t.db, new Date('2026-03-16T00:00:00Z'))).mrr).toBe('499.980000');
  });

  it('before the first workspace: all zero, money as exact zero strings', async () => {
    expect(await getPlatformStateAt(t.db, new Date('2020-01-01T00:00:00Z'))).toEqual({
      at: new Date('2020-01-01T00:00:00Z'),
      totalWorkspaces: 0,
      activeWorkspaces: 0,
      mrr: '0.000000',
      arr: '0.000000',
    });
  });
});
