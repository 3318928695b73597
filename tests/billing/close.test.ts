import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBilling } from '@/lib/billing/close';
import { setPeriodStatus } from '@/lib/billing/actions';
import { CLI_ACTOR } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Fixed workspace ids: the close walks workspaces in id order, so invoice numbers are known.
const W = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Usage = { provider?: string; usageType?: string; quantity: string; finalCost: string; at: string };

async function usage(db: Db, workspaceId: string, rows: Usage[]) {
  await db.usageRecord.createMany({
    data: rows.map((r) => ({
      workspaceId, provider: r.provider ?? 'twilio', usageType: r.usageType ?? 'telephony_minutes',
      quantity: r.quantity, totalCost: '0.000001', finalCost: r.finalCost, createdAt: new Date(r.at),
    })),
  });
}

async function periods(db: Db, workspaceId: string) {
  const rows = await db.billingPeriod.findMany({
    where: { workspaceId },
    orderBy: [{ periodStart: 'asc' }, { revision: 'asc' }],
    include: { lineItems: { orderBy: { position: 'asc' } } },
  });
  return rows.map((p) => ({
    start: p.periodStart.toISOString(),
    end: p.periodEnd.toISOString(),
    status: p.status,
    revision: p.revision,
    invoice: p.invoiceNumber,
    subscription: p.subscriptionAmount.toFixed(6),
    usage: p.usageAmount.toFixed(6),
    adjustment: p.adjustmentAmount.toFixed(6),
    total: p.totalAmount.toFixed(6),
    lines: p.lineItems.map((l) => [l.kind, l.description, l.quantity?.toFixed(6) ?? null, l.amount.toFixed(6)]),
    id: p.id,
  }));
}

// Every test starts from its own database (tests may run alone: mutation testing runs only
// the tests that reach a mutant); the ones that continue a story replay its start first.
describe('billing close', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await t.db.subscriptionTier.createMany({
      data: [
        { tierName: 'monthly', monthlyFee: '49.000000', billingInterval: 'month', includedMinutes: 10 },
        { tierName: 'annual', monthlyFee: '1200.000000', billingInterval: 'year', includedMinutes: 0 },
      ],
    });
  });
  afterEach(() => t?.dispose());

  /** W(1) on the monthly tier since 2026-01-15 with January's and February's usage, closed on 2026-03-10: INV-2026-000001 and 2. */
  async function monthlyClosedInMarch(db: Db) {
    const ws = W(1);
    await db.workspace.create({ data: { id: ws, name: 'Monthly', slug: 'monthly', timezone: 'UTC', status: 'active', subscriptionTier: 'monthly', createdAt: new Date('2026-01-15T09:00:00Z') } });
    await usage(db, ws, [
      // 10 included minutes: 4 (fully), then 6 of the next 8 (0.80 × 6/8 = 0.60), then none of the 3.
      { quantity: '4', finalCost: '0.400000', at: '2026-01-20T10:00:00Z' },
      { quantity: '8', finalCost: '0.800000', at: '2026-01-20T10:05:00Z' },
      { quantity: '3', finalCost: '0.300000', at: '2026-01-20T10:20:00Z' },
      { provider: 'deepgram', usageType: 'stt_seconds', quantity: '100', finalCost: '0.720000', at: '2026-01-20T10:20:00Z' },
      // Exactly at local midnight of Feb 1st: February's.
      { provider: 'openai', usageType: 'llm_tokens', quantity: '1000', finalCost: '0.010000', at: '2026-02-01T00:00:00Z' },
    ]);
    const summary = await closeBilling(db, { now: new Date('2026-03-10T12:00:00Z'), workspaceId: ws });
    return { ws, summary };
  }

  /** W(2) on the annual tier since 2025-03-10, closed on 2026-04-05. */
  async function annualClosedInApril(db: Db) {
    const ws = W(2);
    await db.workspace.create({ data: { id: ws, name: 'Annual', slug: 'annual', timezone: 'UTC', status: 'active', subscriptionTier: 'annual', createdAt: new Date('2025-03-10T00:00:00Z') } });
    await closeBilling(db, { now: new Date('2026-04-05T00:00:00Z'), workspaceId: ws });
    return ws;
  }

  it('bills a monthly tier with included minutes credited in created_at order, the straddling record pro rata', async () => {
    const { ws, summary } = await monthlyClosedInMarch(t.db);
    expect(summary).toMatchObject({ finalized: 2, drafts: 1, invoices: ['INV-2026-000001', 'INV-2026-000002'] });
    const [jan, feb, mar] = await periods(t.db, ws);
    // gross 0.40 + 0.80 + 0.30 + 0.72 = 2.22; credit 0.40 + 0.60 = 1.00; usage 1.22; total 50.22
    expect(jan).toMatchObject({ start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z', status: 'finalized', invoice: 'INV-2026-000001', subscription: '49.000000', usage: '1.220000', total: '50.220000' });
    expect(jan!.lines).toEqual([
      ['subscription', 'Subscription: monthly (monthly)', null, '49.000000'],
      ['usage', 'deepgram stt_seconds', '100.000000', '0.720000'],
      ['usage', 'twilio telephony_minutes', '15.000000', '1.500000'],
      ['credit', 'Included minutes (10 min of telephony_minutes)', '10.000000', '-1.000000'],
    ]);
    // February: no telephony, so no credit; the midnight record is its only usage.
    expect(feb).toMatchObject({ status: 'finalized', invoice: 'INV-2026-000002', usage: '0.010000', total: '49.010000' });
    expect(mar).toMatchObject({ status: 'draft', invoice: null, total: '49.000000' });
  });

  it('is idempotent: a second run changes nothing and takes no invoice number', async () => {
    const { ws } = await monthlyClosedInMarch(t.db);
    const before = (await periods(t.db, ws)).map(({ lines, ...p }) => ({ ...p, lines }));
    const summary = await closeBilling(t.db, { now: new Date('2026-03-10T13:00:00Z'), workspaceId: ws });
    expect(summary).toMatchObject({ finalized: 0, drafts: 1, invoices: [] });
    expect(await periods(t.db, ws)).toEqual(before);
    expect((await t.db.counter.findUnique({ where: { name: 'invoice' } }))!.value).toBe(2);
  });

  it('bills usage that arrives after a month was finalized as an adjustment on the next open period', async () => {
    const { ws } = await monthlyClosedInMarch(t.db);
    // Late: January's included minutes were already used, so the whole 0.50 is billed.
    await usage(t.db, ws, [{ quantity: '5', finalCost: '0.500000', at: '2026-01-31T23:59:59.999Z' }]);
    await closeBilling(t.db, { now: new Date('2026-03-10T14:00:00Z'), workspaceId: ws });
    const [jan, , mar] = await periods(t.db, ws);
    expect(jan).toMatchObject({ usage: '1.220000', total: '50.220000' }); // never changed
    expect(mar).toMatchObject({ status: 'draft', adjustment: '0.500000', total: '49.500000' });
    expect(mar!.lines.at(-1)).toEqual(['adjustment', 'Adjustment: usage recorded after 2026-01 was invoiced', null, '0.500000']);
    // March closes with it; April does not bill it again.
    await closeBilling(t.db, { now: new Date('2026-04-02T00:00:00Z'), workspaceId: ws });
    const [, , marClosed, apr] = await periods(t.db, ws);
    expect(marClosed).toMatchObject({ status: 'finalized', invoice: 'INV-2026-000003', total: '49.500000' });
    expect(apr).toMatchObject({ status: 'draft', adjustment: '0.000000', total: '49.000000' });
  });

  it('re-closes a void period only when asked for its month, with a new revision and number', async () => {
    const { ws } = await monthlyClosedInMarch(t.db);
    // March closes in April: INV-2026-000003.
    expect((await closeBilling(t.db, { now: new Date('2026-04-02T00:00:00Z'), workspaceId: ws })).invoices).toEqual(['INV-2026-000003']);
    const feb = (await periods(t.db, ws))[1]!;
    await setPeriodStatus(t.db, { workspaceId: ws, periodId: feb.id, action: 'void', reason: 'wrong customer', actor: CLI_ACTOR });
    await closeBilling(t.db, { now: new Date('2026-04-02T01:00:00Z'), workspaceId: ws });
    expect((await periods(t.db, ws)).filter((p) => p.start === feb.start).map((p) => p.status)).toEqual(['void']);
    const summary = await closeBilling(t.db, { now: new Date('2026-04-02T02:00:00Z'), workspaceId: ws, month: '2026-02' });
    expect(summary).toMatchObject({ reclosed: 1, invoices: ['INV-2026-000004'] });
    const febs = (await periods(t.db, ws)).filter((p) => p.start === feb.start);
    expect(febs.map((p) => [p.status, p.revision, p.invoice, p.total])).toEqual([
      ['void', 0, 'INV-2026-000002', '49.010000'],
      ['finalized', 1, 'INV-2026-000004', '49.010000'],
    ]);
    const audit = await t.db.auditLog.findMany({ where: { workspaceId: ws, action: { in: ['billing_period.void', 'billing_period.reclosed'] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['billing_period.void', 'cli'], ['billing_period.reclosed', 'job:billing-close']]);
    expect(audit[0]!.details).toMatchObject({ reason: 'wrong customer' });
  });

  it('bills an annual tier in the anniversary month only', async () => {
    const ws = await annualClosedInApril(t.db);
    const rows = await periods(t.db, ws);
    expect(rows).toHaveLength(14);
    expect(rows.map((p) => p.subscription)).toEqual(['1200.000000', ...Array(11).fill('0.000000'), '1200.000000', '0.000000']);
    expect(rows[0]!.lines[0]).toEqual(['subscription', 'Subscription: annual (annual)', null, '1200.000000']);
    expect(rows.map((p) => p.status)).toEqual([...Array(13).fill('finalized'), 'draft']);
    // Numbered in month order, the year of each month's start.
    expect(rows.slice(0, 13).map((p) => p.invoice)).toEqual([...Array.from({ length: 10 }, (_, i) => `INV-2025-${String(i + 1).padStart(6, '0')}`), 'INV-2026-000011', 'INV-2026-000012', 'INV-2026-000013']);
  });

  it('bills nothing for months entirely in the trial, the full fee from the month it ends, and the cancellation month', async () => {
    const ws = W(3);
    await t.db.workspace.create({
      data: {
        id: ws, name: 'Trial', slug: 'trial', timezone: 'UTC', status: 'cancelled', subscriptionTier: 'monthly',
        createdAt: new Date('2025-12-05T00:00:00Z'), trialEndsAt: new Date('2026-01-10T00:00:00Z'), cancelledAt: new Date('2026-03-14T12:00:00Z'),
      },
    });
    await closeBilling(t.db, { now: new Date('2026-05-01T00:00:00Z'), workspaceId: ws });
    const rows = await periods(t.db, ws);
    // Dec entirely in the trial; Jan (trial ends on the 10th) billed; Mar (cancelled on the 14th) billed; no April.
    expect(rows.map((p) => [p.start.slice(0, 7), p.subscription, p.status])).toEqual([
      ['2025-12', '0.000000', 'finalized'],
      ['2026-01', '49.000000', 'finalized'],
      ['2026-02', '49.000000', 'finalized'],
      ['2026-03', '49.000000', 'finalized'],
    ]);
  });

  it("follows America/New_York's DST months and Asia/Kathmandu's +05:45 month boundary", async () => {
    const ny = W(4);
    const ktm = W(5);
    await t.db.workspace.createMany({
      data: [
        { id: ny, name: 'NY', slug: 'ny', timezone: 'America/New_York', status: 'active', createdAt: new Date('2026-02-10T00:00:00Z') },
        { id: ktm, name: 'KTM', slug: 'ktm', timezone: 'Asia/Kathmandu', status: 'active', createdAt: new Date('2026-01-10T00:00:00Z') },
      ],
    });
    await usage(t.db, ny, [
      { quantity: '1', finalCost: '1.000000', at: '2026-03-01T04:59:59.999Z' }, // 23:59:59.999 Feb 28 EST
      { quantity: '1', finalCost: '2.000000', at: '2026-03-01T05:00:00Z' }, // midnight Mar 1 EST
      { quantity: '1', finalCost: '4.000000', at: '2026-04-01T03:59:59.999Z' }, // 23:59:59.999 Mar 31 EDT
      { quantity: '1', finalCost: '8.000000', at: '2026-04-01T04:00:00Z' }, // midnight Apr 1 EDT
    ]);
    await usage(t.db, ktm, [
      { quantity: '1', finalCost: '1.000000', at: '2026-01-31T18:14:59.999Z' },
      { quantity: '1', finalCost: '2.000000', at: '2026-01-31T18:15:00Z' }, // midnight Feb 1 +05:45
    ]);
    await closeBilling(t.db, { now: new Date('2026-04-15T00:00:00Z'), workspaceId: ny });
    await closeBilling(t.db, { now: new Date('2026-02-15T00:00:00Z'), workspaceId: ktm });
    expect((await periods(t.db, ny)).map((p) => [p.start, p.end, p.usage])).toEqual([
      ['2026-02-01T05:00:00.000Z', '2026-03-01T05:00:00.000Z', '1.000000'],
      ['2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z', '6.000000'],
      ['2026-04-01T04:00:00.000Z', '2026-05-01T04:00:00.000Z', '8.000000'],
    ]);
    expect((await periods(t.db, ktm)).map((p) => [p.start, p.end, p.usage, p.status])).toEqual([
      ['2025-12-31T18:15:00.000Z', '2026-01-31T18:15:00.000Z', '1.000000', 'finalized'],
      ['2026-01-31T18:15:00.000Z', '2026-02-28T18:15:00.000Z', '2.000000', 'draft'],
    ]);
  });

  it('keeps invoice numbers gapless across the platform', async () => {
    // Two workspaces, a late adjustment, a void and a re-close, one after another.
    const { ws } = await monthlyClosedInMarch(t.db);
    await annualClosedInApril(t.db);
    await usage(t.db, ws, [{ quantity: '5', finalCost: '0.500000', at: '2026-01-31T23:59:59.999Z' }]);
    await closeBilling(t.db, { now: new Date('2026-04-06T00:00:00Z') });
    const feb = (await periods(t.db, ws))[1]!;
    await setPeriodStatus(t.db, { workspaceId: ws, periodId: feb.id, action: 'void', reason: 'wrong customer', actor: CLI_ACTOR });
    await closeBilling(t.db, { now: new Date('2026-04-06T01:00:00Z'), month: '2026-02' });
    const numbers = (await t.db.billingPeriod.findMany({ where: { invoiceNumber: { not: null } }, select: { invoiceNumber: true } }))
      .map((p) => Number(p.invoiceNumber!.slice(-6)))
      .sort((a, b) => a - b);
    // 2 + 13 before; March of W(1) in April; February again: 17.
    expect(numbers).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect((await t.db.counter.findUnique({ where: { name: 'invoice' } }))!.value).toBe(17);
  });
});
