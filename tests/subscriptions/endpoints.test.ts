import { describe, expect, it } from 'vitest';
import { GET as mrr } from '@/app/api/admin/mrr/route';
import { GET as mrrExport } from '@/app/api/admin/mrr/export/route';
import { GET as adminPlan, POST as changePlan } from '@/app/api/admin/workspaces/[id]/subscription/route';
import { GET as ownerPlan } from '@/app/api/workspaces/[id]/plan/route';
import { adminMrrResponse, planResponse } from '@/lib/admin/mrr-response';
import { monthOf } from '@/lib/analytics/subscriptions';
import type { TestDatabase } from '../helpers/test-db';
import { withSeededWorld, type World } from '../api/fixtures';
import { call } from '../api/session';

describe('subscriptions: plan changes, plan history and GET /api/admin/mrr', () => {
  let t: TestDatabase;
  let w: World;
  // A new world per test: plan changes stay in the test that makes them, so each test
  // stands alone (mutation testing runs only the tests that reach a mutant).
  withSeededWorld((db, world) => {
    t = db;
    w = world;
  }, { each: true });
  const post = (id: string, user: World['admin'] | null, body: unknown, headers?: Record<string, string | null>) =>
    call(changePlan, `/api/admin/workspaces/${id}/subscription`, { id }, user, { method: 'POST', body, headers });

  it('the history is append-only: UPDATE and DELETE are refused by the database', async () => {
    expect(await t.db.subscriptionHistory.count({ where: { workspaceId: w.a } })).toBe(1);
    await expect(t.db.subscriptionHistory.updateMany({ data: { mrrAfter: '1' } })).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM subscription_history`).rejects.toThrow(/append-only/);
  });

  it('a workspace is born with one entry: its state and MRR at creation', async () => {
    const [entry] = await t.db.subscriptionHistory.findMany({ where: { workspaceId: w.b } });
    expect(entry).toMatchObject({ kind: 'created', toStatus: 'active', toTier: 'pro', actorLabel: 'system' });
    expect(entry!.mrrAfter.toFixed(6)).toBe('99.000000');
  });

  it('only platform admins change plans (owners 403, signed out 401, cross-site 403)', async () => {
    expect((await post(w.a, w.ownerA, { action: 'cancel', reason: 'x' })).status).toBe(403);
    expect((await post(w.a, null, { action: 'cancel', reason: 'x' })).status).toBe(401);
    expect((await post(w.a, w.admin, { action: 'cancel', reason: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(mrr, '/api/admin/mrr', {}, w.ownerA)).status).toBe(403);
    expect((await call(adminPlan, `/api/admin/workspaces/${w.a}/subscription`, { id: w.a }, w.ownerA)).status).toBe(403);
    expect((await t.db.workspace.findUniqueOrThrow({ where: { id: w.a } })).status).toBe('active');
  });

  it('bad input is a 400 naming the field; an unknown or malformed workspace a 404', async () => {
    const cases: [unknown, string][] = [
      [{ action: 'change_tier', tier: 'platinum' }, 'tier'],
      [{ action: 'change_tier', tier: 'pro' }, 'tier'], // already on it
      [{ action: 'change_tier' }, 'tier'],
      [{ action: 'upgrade' }, 'action'],
      [{ action: 'cancel' }, 'reason'],
      [{ action: 'cancel', reason: '   ' }, 'reason'],
      [{ action: 'end_trial', convert: true }, 'action'], // not trialing
      [{ action: 'reactivate' }, 'action'], // not cancelled
    ];
    for (const [body, param] of cases) {
      const res = await post(w.a, w.admin, body);
      expect([JSON.stringify(body), res.status, res.body.error?.param]).toEqual([JSON.stringify(body), 400, param]);
    }
    expect((await post('00000000-0000-4000-8000-0000000000ff', w.admin, { action: 'cancel', reason: 'x' })).status).toBe(404);
    expect((await post('not-a-uuid', w.admin, { action: 'cancel', reason: 'x' })).status).toBe(404);
    expect(await t.db.subscriptionHistory.count({ where: { workspaceId: w.a } })).toBe(1);
  });

  /** A moves from pro (99) to a new tier, scale (499.50). */
  async function upgradeA() {
    await t.db.subscriptionTier.create({ data: { tierName: 'scale', monthlyFee: '499.500000' } });
    return post(w.a, w.admin, { action: 'change_tier', tier: 'scale' });
  }

  it('an upgrade writes row, history and audit together, and shows as expansion in the MRR movements', async () => {
    const res = await upgradeA();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ workspaceId: w.a, status: 'active', tier: 'scale', mrr: '499.500000' });
    expect((await t.db.workspace.findUniqueOrThrow({ where: { id: w.a } })).subscriptionTier).toBe('scale');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { workspaceId: w.a, action: 'subscription.tier_changed' } });
    expect(audit.actorLabel).toBe('admin@example.com');
    expect(audit.details).toMatchObject({ from: { tier: 'pro' }, to: { tier: 'scale' }, mrrBefore: '99.000000', mrrAfter: '499.500000' });

    const month = monthOf(new Date(), 'UTC');
    const report = await call(mrr, `/api/admin/mrr?from=${month}&to=${month}`, {}, w.admin);
    expect(report.status).toBe(200);
    const body = adminMrrResponse.parse(report.body);
    // A and B were created this month (new 99 + 99); A's upgrade is +400.50.
    expect(body.months).toEqual([
      { month, starting: '0.000000', new: '198.000000', expansion: '400.500000', contraction: '0.000000', churn: '0.000000', reactivation: '0.000000', ending: '598.500000' },
    ]);
  });

  it('cancel with a reason, cancel twice → 400 action, then reactivate', async () => {
    const cancelled = await post(w.b, w.admin, { action: 'cancel', reason: 'moved to a competitor' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', mrr: '0.000000' });
    expect(cancelled.body.cancelledAt).not.toBeNull();
    const twice = await post(w.b, w.admin, { action: 'cancel', reason: 'again' });
    expect([twice.status, twice.body.error.param]).toEqual([400, 'action']);
    const back = await post(w.b, w.admin, { action: 'reactivate' });
    expect(back.body).toMatchObject({ status: 'active', tier: 'pro', mrr: '99.000000', cancelledAt: null });
    const history = planResponse.parse((await call(adminPlan, `/api/admin/workspaces/${w.b}/subscription`, { id: w.b }, w.admin)).body).history;
    expect(history.map((h) => [h.kind, h.mrrBefore, h.mrrAfter, h.reason])).toEqual([
      ['reactivated', '0.000000', '99.000000', null],
      ['cancelled', '99.000000', '0.000000', 'moved to a competitor'],
      ['created', '0.000000', '99.000000', null],
    ]);
    expect(await t.db.auditLog.count({ where: { workspaceId: w.b, action: { startsWith: 'subscription.' } } })).toBe(2);
  });

  it('owners read their own plan history; other roles 403, other workspaces 404', async () => {
    expect((await upgradeA()).status).toBe(200);
    const own = await call(ownerPlan, `/api/workspaces/${w.a}/plan`, { id: w.a }, w.ownerA);
    expect(own.status).toBe(200);
    const body = planResponse.parse(own.body);
    expect(body.plan).toMatchObject({ tier: 'scale', status: 'active', mrr: '499.500000' });
    expect(body.history[0]).toMatchObject({ kind: 'tier_changed', fromTier: 'pro', toTier: 'scale', actor: 'VoiceDash staff' });
    expect(JSON.stringify(body)).not.toContain('admin@example.com');
    expect((await call(ownerPlan, `/api/workspaces/${w.b}/plan`, { id: w.b }, w.ownerA)).status).toBe(404);
    expect((await call(ownerPlan, `/api/workspaces/${w.a}/plan`, { id: w.a }, w.memberB)).status).toBe(404);
    expect((await call(ownerPlan, `/api/workspaces/${w.a}/plan`, { id: w.a }, w.viewerA)).status).toBe(403);
  });

  it('CSV exports: months, movements and cohorts; admins only; kind required', async () => {
    expect((await upgradeA()).status).toBe(200);
    const month = monthOf(new Date(), 'UTC');
    expect((await call(mrrExport, `/api/admin/mrr/export?from=${month}&to=${month}&kind=months`, {}, w.ownerA)).status).toBe(403);
    const bad = await call(mrrExport, `/api/admin/mrr/export?from=${month}&to=${month}&kind=pdf`, {}, w.admin);
    expect([bad.status, bad.body.error.param]).toEqual([400, 'kind']);
    const months = await call(mrrExport, `/api/admin/mrr/export?from=${month}&to=${month}&kind=months`, {}, w.admin);
    expect(months.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = String(months.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^month,starting,new,expansion,contraction,churn,reactivation,ending,/);
    expect(lines[1]).toMatch(new RegExp(`^${month},0\\.000000,`));
    const movements = String((await call(mrrExport, `/api/admin/mrr/export?from=${month}&to=${month}&kind=movements`, {}, w.admin)).body);
    expect(movements).toContain(`,${w.a},Alpha,expansion,400.500000,99.000000,499.500000`);
    const cohorts = String((await call(mrrExport, `/api/admin/mrr/export?from=${month}&to=${month}&kind=cohorts`, {}, w.admin)).body);
    expect(cohorts).toContain(`${month},2,`);
  });

  it('GET /api/admin/mrr: 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['from=2026-13&to=2026-12', 'from'],
      ['from=2026-01', 'to'],
      ['to=2026-01', 'from'],
      ['from=2026-05&to=2026-04', 'to'],
      ['from=2026-01-01&to=2026-02', 'from'],
      ['from=2000-01&to=2026-01', 'to'],
      ['from=2026-01&to=2026-02&timeZone=Mars/Base', 'timeZone'],
      ['from=2026-01&from=2026-02&to=2026-03', 'from'],
    ];
    for (const [query, param] of cases) {
      const res = await call(mrr, `/api/admin/mrr?${query}`, {}, w.admin);
      expect([query, res.status, res.body.error?.param]).toEqual([query, 400, param]);
    }
    const defaults = adminMrrResponse.parse((await call(mrr, '/api/admin/mrr', {}, w.admin)).body);
    expect(defaults.months).toHaveLength(12);
  });
});
