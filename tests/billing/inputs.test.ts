import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/audit';
import { setPeriodStatus } from '@/lib/billing/actions';
import { adminPeriodsQuerySchema } from '@/lib/billing/admin';
import { periodParams, voidBody } from '@/lib/billing/status-route';
import { computeMonthUsage } from '@/lib/billing/usage';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// The billing module's boundaries, value by value: what each accepts, what it refuses and
// the message a person reads, so a loosened pattern or a dropped check fails here.

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => [i.path.join('.'), i.message]);

describe('billing inputs', () => {
  it('takes /admin/billing\'s month as YYYY-MM only, a page as a whole number from 1', () => {
    expect(adminPeriodsQuerySchema.parse({ month: '2026-02', status: 'paid', page: '12' })).toEqual({ month: '2026-02', status: 'paid', page: 12 });
    expect(adminPeriodsQuerySchema.parse({ month: '', status: '', page: '' })).toEqual({ month: undefined, status: undefined, page: 1 });
    for (const month of ['2026-13', '2026-00', 'x2026-01', '2026-011', '26-01']) {
      expect(issues(adminPeriodsQuerySchema.safeParse({ month }))).toEqual([['month', 'must be a month YYYY-MM']]);
    }
    for (const page of ['0', '1a', '01', '1234567', '-1']) {
      expect(issues(adminPeriodsQuerySchema.safeParse({ page }))).toEqual([['page', 'must be a whole number from 1']]);
    }
    expect(adminPeriodsQuerySchema.parse({ page: '123456' }).page).toBe(123456);
    expect(issues(adminPeriodsQuerySchema.safeParse({ status: 'due' }))).toEqual([['status', 'must be one of draft, finalized, paid, void']]);
  });

  it('takes a period id as a UUID and a void reason of 3 to 500 characters, trimmed', () => {
    expect(periodParams.safeParse({ periodId: '00000000-0000-4000-8000-000000000001' }).success).toBe(true);
    expect(periodParams.safeParse({ periodId: 'INV-2026-000001' }).success).toBe(false);
    expect(voidBody.parse({ reason: '  sent twice ' })).toEqual({ reason: 'sent twice' });
    expect(issues(voidBody.safeParse({ reason: '  ab  ' }))).toEqual([['reason', 'give a reason (at least 3 characters)']]);
    expect(voidBody.safeParse({ reason: 'x'.repeat(500) }).success).toBe(true);
    expect(voidBody.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('billing writes that refuse', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t?.dispose());

  it('marks only a finalized period, naming the status it found', async () => {
    const ws = await t.db.workspace.create({ data: { name: 'A', slug: 'a', timezone: 'UTC' } });
    const period = await t.db.billingPeriod.create({
      data: { workspaceId: ws.id, periodStart: new Date('2026-01-01T00:00:00Z'), periodEnd: new Date('2026-02-01T00:00:00Z'), status: 'draft', subscriptionAmount: '0', usageAmount: '0', totalAmount: '0' },
    });
    const error = await setPeriodStatus(t.db, { workspaceId: ws.id, periodId: period.id, action: 'paid', actor: CLI_ACTOR }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, param: 'status', message: 'only a finalized period can be marked paid; this one is draft' });
    expect(await setPeriodStatus(t.db, { workspaceId: ws.id, periodId: '00000000-0000-4000-8000-0000000000ff', action: 'paid', actor: CLI_ACTOR })).toBeNull();
    expect(await t.db.auditLog.count()).toBe(0);
  });

  it('bills usage only for months that start and end on a quarter hour', async () => {
    const ws = await t.db.workspace.create({ data: { name: 'A', slug: 'a', timezone: 'UTC' } });
    expect((await computeMonthUsage(t.db, ws.id, [], 10)).size).toBe(0);
    const ok = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') };
    expect([...(await computeMonthUsage(t.db, ws.id, [ok], 0)).values()].map((m) => [m.lines, m.net.toFixed(6)])).toEqual([[[], '0.000000']]);
    for (const bad of [{ ...ok, start: new Date('2026-01-01T00:05:00Z') }, { ...ok, end: new Date('2026-02-01T00:05:00Z') }]) {
      await expect(computeMonthUsage(t.db, ws.id, [bad], 0)).rejects.toThrow(`billing period ${bad.start.toISOString()} does not start on a quarter hour; the usage rollup cannot bill it`);
    }
  });
});
