import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBilling } from '@/lib/billing/close';
import { setPeriodStatus } from '@/lib/billing/actions';
import { CLI_ACTOR } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// docs/METRICS.md "Billing close", the clauses close.test.ts's stories do not pin down one
// by one: each test here fails when its clause changes (dry runs, which workspaces and
// months are due, what counts as billed, what a line and a period record, the credit's
// order and edges). Every test starts from its own database.

const W = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MARCH_10 = new Date('2026-03-10T12:00:00Z');

type Usage = { provider?: string; usageType?: string; quantity: string; finalCost: string; at: string; id?: string };

async function usage(db: Db, workspaceId: string, rows: Usage[]) {
  await db.usageRecord.createMany({
    data: rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      workspaceId, provider: r.provider ?? 'twilio', usageType: r.usageType ?? 'telephony_minutes',
      quantity: r.quantity, totalCost: '0.000001', finalCost: r.finalCost, createdAt: new Date(r.at),
    })),
  });
}

async function periods(db: Db, workspaceId: string) {
  return db.billingPeriod.findMany({
    where: { workspaceId },
    orderBy: [{ periodStart: 'asc' }, { revision: 'asc' }],
    include: { lineItems: { orderBy: { position: 'asc' } } },
  });
}

const months = async (db: Db, ws: string) => (await periods(db, ws)).map((p) => [p.periodStart.toISOString().slice(0, 7), p.status]);

describe('billing close: clause by clause', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await t.db.subscriptionTier.createMany({
      data: [
        { tierName: 'monthly', monthlyFee: '49.000000', billingInterval: 'month', includedMinutes: 10 },
        { tierName: 'plain', monthlyFee: '20.000000', billingInterval: 'month', includedMinutes: 0 },
      ],
    });
  });
  afterEach(() => t?.dispose());

  async function workspace(n: number, over: { createdAt: string; cancelledAt?: string; status?: 'active' | 'cancelled'; tier?: string | null }) {
    await t.db.workspace.create({
      data: {
        id: W(n), name: `W${n}`, slug: `w${n}`, timezone: 'UTC', status: over.status ?? 'active',
        subscriptionTier: over.tier === undefined ? 'monthly' : over.tier,
        createdAt: new Date(over.createdAt), ...(over.cancelledAt ? { cancelledAt: new Date(over.cancelledAt) } : {}),
      },
    });
    return W(n);
  }

  it('a dry run counts what it would finalize and draft, and writes nothing', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-15T09:00:00Z' });
    await usage(t.db, ws, [{ quantity: '4', finalCost: '0.400000', at: '2026-01-20T10:00:00Z' }]);
    const summary = await closeBilling(t.db, { now: MARCH_10, dryRun: true });
    expect(summary).toEqual({ workspaces: 1, finalized: 2, reclosed: 0, drafts: 1, adjustments: 0, conflicts: 0, invoices: [] });
    expect(await t.db.billingPeriod.count()).toBe(0);
    expect(await t.db.billingLineItem.count()).toBe(0);
    expect(await t.db.counter.count()).toBe(0);
    expect(await t.db.auditLog.count()).toBe(0);
  });

  it('closes workspaces created at or before now only, and counts those', async () => {
    const early = await workspace(1, { createdAt: '2026-02-20T00:00:00Z' });
    const atNow = await workspace(2, { createdAt: MARCH_10.toISOString() });
    const later = await workspace(3, { createdAt: '2026-03-10T12:00:00.001Z' });
    // No tier: no subscription line, and a subscription amount of 0 whatever the usage.
    const free = await workspace(4, { createdAt: '2026-02-20T00:00:00Z', tier: null });
    await usage(t.db, free, [{ provider: 'openai', usageType: 'llm_tokens', quantity: '5', finalCost: '0.500000', at: '2026-02-21T00:00:00Z' }]);
    const summary = await closeBilling(t.db, { now: MARCH_10 });
    expect(summary).toEqual({ workspaces: 3, finalized: 2, reclosed: 0, drafts: 3, adjustments: 0, conflicts: 0, invoices: ['INV-2026-000001', 'INV-2026-000002'] });
    expect(await months(t.db, early)).toEqual([['2026-02', 'finalized'], ['2026-03', 'draft']]);
    const [feb] = await periods(t.db, free);
    expect([feb!.subscriptionAmount.toFixed(6), feb!.usageAmount.toFixed(6), feb!.totalAmount.toFixed(6)]).toEqual(['0.000000', '0.500000', '0.500000']);
    expect(feb!.lineItems.map((l) => l.kind)).toEqual(['usage']);
    expect(await months(t.db, atNow)).toEqual([['2026-03', 'draft']]);
    expect(await months(t.db, later)).toEqual([]);
  });

  it('closes one workspace when asked, and only the month asked for', async () => {
    const one = await workspace(1, { createdAt: '2026-01-15T00:00:00Z' });
    const other = await workspace(2, { createdAt: '2026-01-15T00:00:00Z' });
    // The running month asked for alone: its draft, and no invoice number taken.
    expect(await closeBilling(t.db, { now: MARCH_10, workspaceId: other, month: '2026-03' })).toMatchObject({ workspaces: 1, finalized: 0, drafts: 1 });
    expect(await months(t.db, other)).toEqual([['2026-03', 'draft']]);
    expect(await months(t.db, one)).toEqual([]);
    expect(await t.db.counter.count()).toBe(0);
    expect(await closeBilling(t.db, { now: MARCH_10, workspaceId: one, month: '2026-02' })).toMatchObject({ workspaces: 1, finalized: 1, drafts: 0, invoices: ['INV-2026-000001'] });
    expect(await months(t.db, one)).toEqual([['2026-02', 'finalized']]);
  });

  it('a cancelled workspace has periods to the month of cancellation, none after, and late usage after that is not billed', async () => {
    // Cancellation ahead of now: periods run to now.
    const ahead = await workspace(1, { createdAt: '2026-01-15T00:00:00Z', cancelledAt: '2026-05-10T00:00:00Z' });
    const gone = await workspace(2, { createdAt: '2026-01-15T00:00:00Z', cancelledAt: '2026-02-10T00:00:00Z', status: 'cancelled' });
    // Created after its cancellation (bad data): no month to bill.
    const odd = await workspace(3, { createdAt: '2026-02-15T00:00:00Z', cancelledAt: '2026-01-20T00:00:00Z', status: 'cancelled' });
    await closeBilling(t.db, { now: MARCH_10 });
    expect(await months(t.db, ahead)).toEqual([['2026-01', 'finalized'], ['2026-02', 'finalized'], ['2026-03', 'draft']]);
    expect(await months(t.db, gone)).toEqual([['2026-01', 'finalized'], ['2026-02', 'finalized']]);
    expect(await months(t.db, odd)).toEqual([]);
    await usage(t.db, gone, [{ provider: 'openai', usageType: 'llm_tokens', quantity: '10', finalCost: '3.000000', at: '2026-02-12T00:00:00Z' }]);
    const summary = await closeBilling(t.db, { now: new Date('2026-04-02T00:00:00Z'), workspaceId: gone });
    expect(summary).toMatchObject({ finalized: 0, drafts: 0, adjustments: 0 });
    expect((await periods(t.db, gone)).map((p) => p.totalAmount.toFixed(6))).toEqual(['49.000000', '49.000000']);
  });

  it('records on each line its provider, usage type, unit and quantity, and on an adjustment the month it corrects', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-15T00:00:00Z' });
    await usage(t.db, ws, [
      { quantity: '4', finalCost: '0.400000', at: '2026-01-20T10:00:00Z' },
      { provider: 'deepgram', usageType: 'stt_seconds', quantity: '100', finalCost: '0.720000', at: '2026-01-20T10:20:00Z' },
    ]);
    await closeBilling(t.db, { now: new Date('2026-02-10T00:00:00Z') });
    await usage(t.db, ws, [{ provider: 'openai', usageType: 'llm_tokens', quantity: '7', finalCost: '0.070000', at: '2026-01-31T00:00:00Z' }]);
    const summary = await closeBilling(t.db, { now: new Date('2026-02-10T01:00:00Z') });
    expect(summary).toMatchObject({ adjustments: 1, drafts: 1 });
    const [jan, feb] = await periods(t.db, ws);
    const columns = (p: NonNullable<typeof jan>) =>
      p.lineItems.map((l) => [l.position, l.kind, l.provider, l.usageType, l.quantity?.toFixed(6) ?? null, l.unit, l.amount.toFixed(6), l.adjustsPeriodStart?.toISOString() ?? null]);
    expect(columns(jan!)).toEqual([
      [0, 'subscription', null, null, null, null, '49.000000', null],
      [1, 'usage', 'deepgram', 'stt_seconds', '100.000000', 's', '0.720000', null],
      [2, 'usage', 'twilio', 'telephony_minutes', '4.000000', 'min', '0.400000', null],
      [3, 'credit', null, 'telephony_minutes', '4.000000', 'min', '-0.400000', null],
    ]);
    expect(columns(feb!)).toEqual([
      [0, 'subscription', null, null, null, null, '49.000000', null],
      [1, 'credit', null, 'telephony_minutes', '0.000000', 'min', '0.000000', null],
      [2, 'adjustment', null, null, null, null, '0.070000', '2026-01-01T00:00:00.000Z'],
    ]);
    expect(feb).toMatchObject({ status: 'draft', invoiceNumber: null, finalizedAt: null, computedAt: new Date('2026-02-10T01:00:00Z'), periodEnd: new Date('2026-03-01T00:00:00Z') });
    expect(feb!.adjustmentAmount.toFixed(6)).toBe('0.070000');
    expect(feb!.totalAmount.toFixed(6)).toBe('49.070000');
    expect(jan).toMatchObject({ status: 'finalized', invoiceNumber: 'INV-2026-000001', finalizedAt: new Date('2026-02-10T00:00:00Z'), computedAt: new Date('2026-02-10T00:00:00Z') });
    expect(jan!.usageAmount.toFixed(6)).toBe('0.720000');
    const audit = await t.db.auditLog.findMany({ where: { workspaceId: ws } });
    expect(audit.map((a) => [a.action, a.actorLabel, a.targetType, a.targetId, a.details])).toEqual([
      ['billing_period.finalized', 'job:billing-close', 'billing_period', jan!.id, { month: '2026-01', invoiceNumber: 'INV-2026-000001', revision: 0 }],
    ]);
  });

  it('a paid period counts as billed; a void one, and the adjustments it carried, do not', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-15T00:00:00Z', tier: 'plain' });
    await usage(t.db, ws, [{ quantity: '1', finalCost: '0.010000', at: '2026-01-20T00:00:00Z' }]);
    await closeBilling(t.db, { now: MARCH_10 });
    const [jan] = await periods(t.db, ws);
    await setPeriodStatus(t.db, { workspaceId: ws, periodId: jan!.id, action: 'paid', actor: CLI_ACTOR });
    // Late usage for paid January and for finalized February.
    await usage(t.db, ws, [
      { quantity: '1', finalCost: '0.500000', at: '2026-01-25T00:00:00Z' },
      { quantity: '1', finalCost: '0.250000', at: '2026-02-25T00:00:00Z' },
    ]);
    await closeBilling(t.db, { now: new Date('2026-04-02T00:00:00Z') });
    // Plain has no included minutes: no credit line.
    expect((await periods(t.db, ws))[0]!.lineItems.map((l) => l.kind)).toEqual(['subscription', 'usage']);
    const adjustments = async () =>
      (await periods(t.db, ws)).map((p) => [p.periodStart.toISOString().slice(0, 7), p.status, p.adjustmentAmount.toFixed(6), p.lineItems.filter((l) => l.kind === 'adjustment').map((l) => l.description)]);
    expect(await adjustments()).toEqual([
      ['2026-01', 'paid', '0.000000', []],
      ['2026-02', 'finalized', '0.000000', []],
      ['2026-03', 'finalized', '0.750000', ['Adjustment: usage recorded after 2026-01 was invoiced', 'Adjustment: usage recorded after 2026-02 was invoiced']],
      ['2026-04', 'draft', '0.000000', []],
    ]);
    // Run again: the adjustments March carries count as billed, so April carries none.
    expect(await closeBilling(t.db, { now: new Date('2026-04-02T00:30:00Z') })).toMatchObject({ adjustments: 0, drafts: 1, conflicts: 0 });
    expect((await adjustments()).at(-1)).toEqual(['2026-04', 'draft', '0.000000', []]);
    // March is voided: what it carried is billed nowhere now, so April's draft carries it again.
    const march = (await periods(t.db, ws))[2]!;
    await setPeriodStatus(t.db, { workspaceId: ws, periodId: march.id, action: 'void', reason: 'sent twice', actor: CLI_ACTOR });
    await closeBilling(t.db, { now: new Date('2026-04-02T01:00:00Z') });
    expect((await adjustments()).at(-1)).toEqual(['2026-04', 'draft', '0.750000', ['Adjustment: usage recorded after 2026-01 was invoiced', 'Adjustment: usage recorded after 2026-02 was invoiced']]);
  });

  it('credits included minutes in created_at order with ties by record id; a record ending on the last minute in full', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-01T00:00:00Z' });
    await usage(t.db, ws, [
      // January: 4 then 6 minutes in separate buckets end exactly on the 10th minute: both in full.
      { quantity: '4', finalCost: '0.400000', at: '2026-01-02T00:00:00Z' },
      { quantity: '6', finalCost: '0.900000', at: '2026-01-03T00:00:00Z' },
      { quantity: '5', finalCost: '0.500000', at: '2026-01-04T00:00:00Z' },
      // February: two records at one instant; the lower id is credited first and in full,
      // the other pro rata for the 4 minutes left: 1.200000 + 0.600000 × 4/6 = 1.600000.
      { id: '00000000-0000-4000-8000-00000000000b', quantity: '6', finalCost: '0.600000', at: '2026-02-02T00:00:00Z' },
      { id: '00000000-0000-4000-8000-00000000000a', quantity: '6', finalCost: '1.200000', at: '2026-02-02T00:00:00Z' },
      // March: fewer minutes than included: all of them credited.
      { quantity: '7', finalCost: '0.070000', at: '2026-03-02T00:00:00Z' },
      { provider: 'deepgram', usageType: 'stt_seconds', quantity: '7', finalCost: '0.030000', at: '2026-03-02T00:00:00Z' },
    ]);
    await closeBilling(t.db, { now: new Date('2026-04-01T00:00:00Z') });
    const rows = (await periods(t.db, ws)).map((p) => {
      const credit = p.lineItems.find((l) => l.kind === 'credit')!;
      return [p.periodStart.toISOString().slice(0, 7), p.status, credit.quantity!.toFixed(6), credit.amount.toFixed(6), p.usageAmount.toFixed(6)];
    });
    // March ends exactly at now: it has ended, so it is finalized.
    expect(rows).toEqual([
      ['2026-01', 'finalized', '10.000000', '-1.300000', '0.500000'],
      ['2026-02', 'finalized', '10.000000', '-1.600000', '0.200000'],
      ['2026-03', 'finalized', '7.000000', '-0.070000', '0.030000'],
      ['2026-04', 'draft', '0.000000', '0.000000', '0.000000'],
    ]);
  });

  it('rounds the straddling record pro rata half up to 6 places', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-01T00:00:00Z' });
    await usage(t.db, ws, [
      { quantity: '9', finalCost: '0.000000', at: '2026-01-02T00:00:00Z' },
      // 1 of 2 minutes left: 0.000001 × 1/2 = 0.0000005, half up 0.000001.
      { quantity: '2', finalCost: '0.000001', at: '2026-01-02T00:01:00Z' },
    ]);
    await closeBilling(t.db, { now: new Date('2026-02-01T00:00:00Z') });
    const [jan] = await periods(t.db, ws);
    expect(jan!.lineItems.find((l) => l.kind === 'credit')!.amount.toFixed(6)).toBe('-0.000001');
    expect(jan!.usageAmount.toFixed(6)).toBe('0.000000');
  });

  it('credits a zero-minute record in full while the minutes up to it stay within N, whatever quarter hour it falls in', async () => {
    // January: all in one quarter hour. 4 + 6 minutes end on the 10th; the zero-minute
    // record right after is still within the 10 (credited); the 3-minute record straddles
    // with no minute left (0.000000); the zero-minute record after it is not credited.
    // February: the same records, the first two in a quarter hour of their own, so the
    // quarter hour of the rest starts with exactly 10 minutes before it: the same credit.
    const ws = await workspace(1, { createdAt: '2026-01-01T00:00:00Z' });
    const records = (day: string, split: boolean): Usage[] => [
      { quantity: '4', finalCost: '0.400000', at: `${day}T00:00:00Z` },
      { quantity: '6', finalCost: '0.600000', at: `${day}T00:01:00Z` },
      { quantity: '0', finalCost: '0.250000', at: `${day}T00:${split ? '15' : '02'}:00Z` },
      { quantity: '3', finalCost: '0.300000', at: `${day}T00:${split ? '16' : '03'}:00Z` },
      { quantity: '0', finalCost: '0.050000', at: `${day}T00:${split ? '17' : '04'}:00Z` },
    ];
    await usage(t.db, ws, [...records('2026-01-02', false), ...records('2026-02-02', true)]);
    await closeBilling(t.db, { now: new Date('2026-03-01T00:00:00Z') });
    const rows = (await periods(t.db, ws)).slice(0, 2).map((p) => {
      const credit = p.lineItems.find((l) => l.kind === 'credit')!;
      return [p.periodStart.toISOString().slice(0, 7), credit.quantity!.toFixed(6), credit.amount.toFixed(6), p.usageAmount.toFixed(6)];
    });
    expect(rows).toEqual([
      ['2026-01', '10.000000', '-1.250000', '0.350000'],
      ['2026-02', '10.000000', '-1.250000', '0.350000'],
    ]);
  });

  it('a tier without included minutes credits nothing, not even a zero-minute record before any minute', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-01T00:00:00Z', tier: 'plain' });
    await usage(t.db, ws, [
      { quantity: '0', finalCost: '0.250000', at: '2026-01-02T00:00:00Z' },
      { quantity: '2', finalCost: '0.300000', at: '2026-01-02T00:01:00Z' },
    ]);
    await closeBilling(t.db, { now: new Date('2026-02-01T00:00:00Z') });
    const [jan] = await periods(t.db, ws);
    expect(jan!.lineItems.map((l) => l.kind)).toEqual(['subscription', 'usage']);
    expect([jan!.usageAmount.toFixed(6), jan!.totalAmount.toFixed(6)]).toEqual(['0.550000', '20.550000']);
  });

  it('hands out invoice numbers in workspace id order, and a second run recomputes each workspace\'s own drafts', async () => {
    // Created in the reverse of id order, so the table's own order is not the id order.
    const second = await workspace(2, { createdAt: '2026-01-15T00:00:00Z', tier: 'plain' });
    const first = await workspace(1, { createdAt: '2026-01-15T00:00:00Z', tier: 'plain' });
    expect((await closeBilling(t.db, { now: MARCH_10 })).invoices).toEqual(['INV-2026-000001', 'INV-2026-000002', 'INV-2026-000003', 'INV-2026-000004']);
    expect((await periods(t.db, first)).map((p) => p.invoiceNumber)).toEqual(['INV-2026-000001', 'INV-2026-000002', null]);
    expect((await periods(t.db, second)).map((p) => p.invoiceNumber)).toEqual(['INV-2026-000003', 'INV-2026-000004', null]);
    await usage(t.db, second, [{ quantity: '1', finalCost: '0.100000', at: '2026-03-05T00:00:00Z' }]);
    const again = await closeBilling(t.db, { now: new Date('2026-03-11T00:00:00Z') });
    expect(again).toEqual({ workspaces: 2, finalized: 0, reclosed: 0, drafts: 2, adjustments: 0, conflicts: 0, invoices: [] });
    expect((await periods(t.db, first)).map((p) => p.totalAmount.toFixed(6))).toEqual(['20.000000', '20.000000', '20.000000']);
    expect((await periods(t.db, second)).map((p) => p.totalAmount.toFixed(6))).toEqual(['20.000000', '20.000000', '20.100000']);
  });

  it('re-closes a voided month with the next revision each time, adjusting earlier months only', async () => {
    const ws = await workspace(1, { createdAt: '2026-01-15T00:00:00Z', tier: 'plain' });
    await closeBilling(t.db, { now: new Date('2026-04-02T00:00:00Z') });
    // Late usage of March, after March was finalized.
    await usage(t.db, ws, [{ quantity: '1', finalCost: '0.300000', at: '2026-03-20T00:00:00Z' }]);
    const febs = async () => (await periods(t.db, ws)).filter((p) => p.periodStart.toISOString().startsWith('2026-02'));
    for (const [revision, number] of [[1, 'INV-2026-000004'], [2, 'INV-2026-000005']] as const) {
      const open = (await febs()).find((p) => p.status === 'finalized')!;
      await setPeriodStatus(t.db, { workspaceId: ws, periodId: open.id, action: 'void', reason: 'sent twice', actor: CLI_ACTOR });
      const summary = await closeBilling(t.db, { now: new Date('2026-04-03T00:00:00Z'), month: '2026-02' });
      expect(summary).toMatchObject({ finalized: 1, reclosed: 1, adjustments: 0, conflicts: 0, invoices: [number] });
      const reclosed = (await febs()).at(-1)!;
      expect([reclosed.revision, reclosed.status, reclosed.adjustmentAmount.toFixed(6), reclosed.lineItems.map((l) => l.kind)]).toEqual([revision, 'finalized', '0.000000', ['subscription']]);
    }
    // March's late usage goes to the open draft, April.
    await closeBilling(t.db, { now: new Date('2026-04-03T01:00:00Z') });
    expect((await periods(t.db, ws)).at(-1)!.adjustmentAmount.toFixed(6)).toBe('0.300000');
  });
});
