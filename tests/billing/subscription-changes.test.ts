import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR, type AuditActor } from '@/lib/audit';
import { ApiError } from '@/lib/api/errors';
import { changeSubscription, getCurrentPlan, getPlanWithHistory, listPlanHistory, type SubscriptionChange } from '@/lib/billing/subscription';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Plan changes one transition at a time (docs/METRICS.md "Subscriptions"): the state each
// leaves, its history row and audit entry, and the exact refusal of every change that does
// not apply, so a swapped status, kind or message fails here. Each test has its own database.

const WS = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-05-05T10:00:00Z');
const STAFF: AuditActor = { userId: '00000000-0000-4000-8000-0000000000aa', label: 'admin@example.com', ip: null };

describe('subscription changes, transition by transition', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await t.db.subscriptionTier.createMany({
      data: [
        { tierName: 'starter', monthlyFee: '29.000000', billingInterval: 'month', includedMinutes: 0 },
        { tierName: 'annual', monthlyFee: '1000.000000', billingInterval: 'year', includedMinutes: 0 },
      ],
    });
  });
  afterEach(() => t?.dispose());

  async function workspace(status: 'active' | 'trialing' | 'past_due' | 'cancelled', tier: string | null) {
    await t.db.workspace.create({
      data: { id: WS, name: 'Acme', slug: 'acme', timezone: 'UTC', status, subscriptionTier: tier, createdAt: new Date('2026-01-01T00:00:00Z'), ...(status === 'cancelled' ? { cancelledAt: new Date('2026-04-01T00:00:00Z') } : {}) },
    });
  }
  const change = (c: SubscriptionChange, actor: AuditActor = STAFF) => changeSubscription(t.db, WS, c, actor, NOW);
  async function refusal(c: SubscriptionChange) {
    const error = await change(c).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const { status, param, message } = error as ApiError;
    return { status, param, message };
  }
  const newest = async () => (await listPlanHistory(t.db, WS, { forStaff: true }))[0]!;

  it('changes the tier, with MRR from the history before and the new fee after', async () => {
    await workspace('active', 'starter');
    expect(await change({ action: 'change_tier', tier: 'annual' })).toEqual({ workspaceId: WS, status: 'active', tier: 'annual', mrr: '83.333333', cancelledAt: null });
    expect(await newest()).toMatchObject({ kind: 'tier_changed', fromStatus: 'active', toStatus: 'active', fromTier: 'starter', toTier: 'annual', mrrBefore: '29.000000', mrrAfter: '83.333333', actor: 'admin@example.com', reason: null });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'subscription.tier_changed' } });
    expect([audit.workspaceId, audit.targetType, audit.targetId, audit.actorLabel]).toEqual([WS, 'workspace', WS, 'admin@example.com']);
    expect(audit.details).toEqual({
      historyId: (await newest()).id, from: { status: 'active', tier: 'starter' }, to: { status: 'active', tier: 'annual' }, mrrBefore: '29.000000', mrrAfter: '83.333333',
    });
    expect(await getCurrentPlan(t.db, WS)).toEqual({ workspaceId: WS, name: 'Acme', status: 'active', tier: 'annual', mrr: '83.333333', cancelledAt: null, fee: '1000.000000', billingInterval: 'year' });
  });

  it('refuses a tier change that does not apply, naming the field', async () => {
    await workspace('active', 'starter');
    expect(await refusal({ action: 'change_tier', tier: 'starter' })).toEqual({ status: 400, param: 'tier', message: 'tier: the workspace is already on starter' });
    expect(await refusal({ action: 'change_tier', tier: 'gold' })).toEqual({ status: 400, param: 'tier', message: 'tier: no tier named "gold"' });
    await change({ action: 'cancel', reason: 'too dear' });
    expect(await refusal({ action: 'change_tier', tier: 'annual' })).toEqual({ status: 400, param: 'action', message: 'action: the workspace is cancelled; reactivate it to change its tier' });
    // Nothing of the refused changes was written.
    expect((await listPlanHistory(t.db, WS)).map((h) => h.kind)).toEqual(['cancelled', 'created']);
  });

  it('cancels with its reason and time, once; the reason goes to the history and the audit', async () => {
    await workspace('active', 'starter');
    expect(await change({ action: 'cancel', reason: 'moved on' })).toEqual({ workspaceId: WS, status: 'cancelled', tier: 'starter', mrr: '0.000000', cancelledAt: NOW });
    expect(await newest()).toMatchObject({ kind: 'cancelled', fromStatus: 'active', toStatus: 'cancelled', mrrBefore: '29.000000', mrrAfter: '0.000000', reason: 'moved on' });
    expect((await t.db.auditLog.findFirstOrThrow({ where: { action: 'subscription.cancelled' } })).details).toMatchObject({ reason: 'moved on' });
    expect(await refusal({ action: 'cancel', reason: 'again' })).toEqual({ status: 400, param: 'action', message: 'action: the workspace is already cancelled' });
  });

  it('starts a trial only from cancelled, on the given tier or the old one, and clears the cancellation', async () => {
    await workspace('active', 'starter');
    expect(await refusal({ action: 'start_trial' })).toEqual({ status: 400, param: 'action', message: 'action: only a cancelled workspace can start a trial (it is active)' });
    await change({ action: 'cancel', reason: 'x' });
    expect(await change({ action: 'start_trial' })).toEqual({ workspaceId: WS, status: 'trialing', tier: 'starter', mrr: '0.000000', cancelledAt: null });
    expect(await newest()).toMatchObject({ kind: 'trial_started', fromStatus: 'cancelled', toStatus: 'trialing', fromTier: 'starter', toTier: 'starter', mrrBefore: '0.000000', mrrAfter: '0.000000' });
  });

  it('ends a trial converted (active, the fee counts) or lapsed (cancelled now, with the reason why)', async () => {
    await workspace('trialing', 'starter');
    expect(await change({ action: 'end_trial', convert: true })).toEqual({ workspaceId: WS, status: 'active', tier: 'starter', mrr: '29.000000', cancelledAt: null });
    expect(await newest()).toMatchObject({ kind: 'trial_converted', fromStatus: 'trialing', toStatus: 'active', mrrBefore: '0.000000', mrrAfter: '29.000000', reason: null });
    expect(await refusal({ action: 'end_trial', convert: false })).toEqual({ status: 400, param: 'action', message: 'action: the workspace is not trialing (it is active)' });
    await t.db.workspace.update({ where: { id: WS }, data: { status: 'trialing' } });
    expect(await change({ action: 'end_trial', convert: false })).toEqual({ workspaceId: WS, status: 'cancelled', tier: 'starter', mrr: '0.000000', cancelledAt: NOW });
    // MRR before is what the history last said (29), not the state the row was set to (trialing, 0).
    expect(await newest()).toMatchObject({ kind: 'trial_expired', fromStatus: 'trialing', toStatus: 'cancelled', mrrBefore: '29.000000', mrrAfter: '0.000000', reason: 'trial ended without converting' });
  });

  it('reactivates a cancelled workspace (on a new tier if given) and recovers a past-due one', async () => {
    await workspace('cancelled', 'starter');
    expect(await refusal({ action: 'start_trial', tier: 'gold' })).toEqual({ status: 400, param: 'tier', message: 'tier: no tier named "gold"' });
    expect(await change({ action: 'reactivate', tier: 'annual' })).toEqual({ workspaceId: WS, status: 'active', tier: 'annual', mrr: '83.333333', cancelledAt: null });
    expect(await newest()).toMatchObject({ kind: 'reactivated', fromStatus: 'cancelled', toStatus: 'active', fromTier: 'starter', toTier: 'annual', mrrBefore: '0.000000', mrrAfter: '83.333333' });
    expect(await refusal({ action: 'reactivate' })).toEqual({ status: 400, param: 'action', message: 'action: only a cancelled or past-due workspace can be reactivated (it is active)' });
    await t.db.workspace.update({ where: { id: WS }, data: { status: 'past_due' } });
    expect(await change({ action: 'reactivate' })).toMatchObject({ status: 'active', tier: 'annual' });
    expect(await newest()).toMatchObject({ kind: 'payment_recovered', fromStatus: 'past_due', toStatus: 'active', mrrBefore: '83.333333', mrrAfter: '83.333333' });
  });

  it('refuses to make a workspace without a tier active', async () => {
    await workspace('cancelled', null);
    expect(await refusal({ action: 'reactivate' })).toEqual({ status: 400, param: 'tier', message: 'tier: an active workspace needs a tier' });
    expect(await change({ action: 'reactivate', tier: 'starter' })).toMatchObject({ status: 'active', tier: 'starter', mrr: '29.000000' });
  });

  it('answers 404 for a workspace that does not exist', async () => {
    expect(await refusal({ action: 'cancel', reason: 'x' })).toMatchObject({ status: 404 });
    await expect(getCurrentPlan(t.db, WS)).rejects.toMatchObject({ status: 404 });
    expect(await getPlanWithHistory(t.db, WS)).toBeNull();
  });

  it('shows owners a person\'s change as "VoiceDash staff", staff who it was; a job or the CLI by name to both', async () => {
    await workspace('active', 'starter');
    await change({ action: 'cancel', reason: 'x' });
    await changeSubscription(t.db, WS, { action: 'reactivate' }, CLI_ACTOR, new Date('2026-05-06T10:00:00Z'));
    const owner = await getPlanWithHistory(t.db, WS);
    const staff = await getPlanWithHistory(t.db, WS, { forStaff: true });
    expect(owner!.history.map((h) => [h.kind, h.actor])).toEqual([['reactivated', 'cli'], ['cancelled', 'VoiceDash staff'], ['created', expect.any(String)]]);
    expect(staff!.history.map((h) => [h.kind, h.actor]).slice(0, 2)).toEqual([['reactivated', 'cli'], ['cancelled', 'admin@example.com']]);
    expect(owner!.plan).toEqual({ workspaceId: WS, name: 'Acme', status: 'active', tier: 'starter', mrr: '29.000000', cancelledAt: null, fee: '29.000000', billingInterval: 'month' });
  });
});
