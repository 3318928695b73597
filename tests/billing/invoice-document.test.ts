import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR, recordAudit } from '@/lib/audit';
import { setPeriodStatus } from '@/lib/billing/actions';
import { closeBilling } from '@/lib/billing/close';
import { getInvoice, sellerName, type Invoice } from '@/lib/billing/invoice';
import { invoicePdf } from '@/lib/billing/pdf';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// The invoice as a member reads it (getInvoice) and as a PDF, one test per status: every
// field of the record and every line of the document, so a changed label, a dropped column
// or a status shown as another fails here. A Kolkata workspace, so local dates are not UTC's.

const WS = '00000000-0000-4000-8000-000000000001';
const GENERATED = new Date('2026-03-10T12:00:00Z');

const head = (title: string, month: string, status: string) => [
  'V O I C E D A S H', title, 'Seller: VoiceDash', 'Customer: Chai Calls', `Period: ${month} (local dates, Asia/Kolkata)`, `Status: ${status}`,
];
const fine = [
  'Usage is billed per provider and usage type; the included minutes of the plan are credited on the first telephony minutes of the',
  'month. Amounts are rounded to the cent.',
  'VoiceDash · Chai Calls · generated Mar 10, 2026, 12:00 UTC Page 1 of 1',
];
const unbilledMonth = ['Subscription: monthly (monthly) $49.00', 'Included minutes (10 min of telephony_minutes) 0 min $0.00'];

async function pdfLines(invoice: Invoice): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await invoicePdf(invoice, GENERATED)));
  return (await extractText(pdf, { mergePages: true })).text.split('\n');
}

describe('an invoice, as a record and as a PDF', () => {
  let t: TestDatabase;
  const ids: Record<'jan' | 'feb' | 'mar', string> = { jan: '', feb: '', mar: '' };
  beforeEach(async () => {
    t = await createTestDatabase();
    await t.db.subscriptionTier.create({ data: { tierName: 'monthly', monthlyFee: '49.000000', billingInterval: 'month', includedMinutes: 10 } });
    await t.db.workspace.create({
      data: { id: WS, name: 'Chai Calls', slug: 'chai-calls', timezone: 'Asia/Kolkata', status: 'active', subscriptionTier: 'monthly', createdAt: new Date('2026-01-14T20:00:00Z') },
    });
    // January: 25 telephony minutes (10 credited) and LLM tokens; February and March: nothing.
    await t.db.usageRecord.createMany({
      data: [
        { workspaceId: WS, provider: 'twilio', usageType: 'telephony_minutes', quantity: '25', totalCost: '1.000000', finalCost: '2.500000', createdAt: new Date('2026-01-20T10:00:00Z') },
        { workspaceId: WS, provider: 'openai', usageType: 'llm_tokens', quantity: '12000', totalCost: '0.100000', finalCost: '0.360000', createdAt: new Date('2026-01-21T10:00:00Z') },
      ],
    });
    await closeBilling(t.db, { now: GENERATED });
    const rows = await t.db.billingPeriod.findMany({ where: { workspaceId: WS }, orderBy: { periodStart: 'asc' }, select: { id: true } });
    [ids.jan, ids.feb, ids.mar] = rows.map((r) => r.id) as [string, string, string];
  });
  afterEach(() => t?.dispose());

  it('records a paid month with its lines in order, its audit trail and who did what', async () => {
    await setPeriodStatus(t.db, { workspaceId: WS, periodId: ids.jan, action: 'paid', actor: CLI_ACTOR, now: new Date('2026-03-09T19:00:00Z') });
    // The same target id under another target type or workspace is not this period's trail.
    await recordAudit(t.db, { actor: CLI_ACTOR, action: 'billing_period.paid', workspaceId: null, targetType: 'billing_period', targetId: ids.jan, details: {} });
    await recordAudit(t.db, { actor: CLI_ACTOR, action: 'workspace.updated', workspaceId: WS, targetType: 'workspace', targetId: ids.jan, details: {} });
    const jan = await getInvoice(t.db, WS, ids.jan);
    expect(jan).toEqual({
      id: ids.jan, workspaceId: WS, workspace: { name: 'Chai Calls', slug: 'chai-calls', timezone: 'Asia/Kolkata' }, seller: 'VoiceDash',
      periodStart: new Date('2025-12-31T18:30:00Z'), periodEnd: new Date('2026-01-31T18:30:00Z'), revision: 0, status: 'paid', invoiceNumber: 'INV-2026-000001',
      subscriptionAmount: '49.000000', usageAmount: '1.860000', adjustmentAmount: '0.000000', totalAmount: '50.860000',
      finalizedAt: GENERATED, paidAt: new Date('2026-03-09T19:00:00Z'), voidedAt: null, voidReason: null, computedAt: GENERATED,
      lines: expect.any(Array), events: expect.any(Array),
    });
    // 25 min at $0.10 and 12,000 tokens for $0.36; the first 10 minutes credited at their price.
    const none = { provider: null, usageType: null, quantity: null, unit: null, adjustsPeriodStart: null };
    expect(jan!.lines).toEqual([
      { ...none, position: 0, kind: 'subscription', description: 'Subscription: monthly (monthly)', amount: '49.000000' },
      { ...none, position: 1, kind: 'usage', description: 'openai llm_tokens', provider: 'openai', usageType: 'llm_tokens', quantity: '12000.000000', unit: 'tokens', amount: '0.360000' },
      { ...none, position: 2, kind: 'usage', description: 'twilio telephony_minutes', provider: 'twilio', usageType: 'telephony_minutes', quantity: '25.000000', unit: 'min', amount: '2.500000' },
      { ...none, position: 3, kind: 'credit', description: 'Included minutes (10 min of telephony_minutes)', usageType: 'telephony_minutes', quantity: '10.000000', unit: 'min', amount: '-1.000000' },
    ]);
    expect(jan!.events).toEqual([
      { action: 'finalized', actor: 'job:billing-close', at: expect.any(Date), reason: null },
      { action: 'paid', actor: 'cli', at: expect.any(Date), reason: null },
    ]);
  });

  it('answers null for a period of another workspace or none', async () => {
    const other = '00000000-0000-4000-8000-000000000002';
    await t.db.workspace.create({ data: { id: other, name: 'Other', slug: 'other', timezone: 'UTC', subscriptionTier: 'monthly' } });
    expect(await getInvoice(t.db, other, ids.jan)).toBeNull();
    expect(await getInvoice(t.db, WS, '00000000-0000-4000-8000-0000000000ff')).toBeNull();
  });

  it('names the seller from PLATFORM_NAME, trimmed, else VoiceDash', () => {
    expect(sellerName({ PLATFORM_NAME: '  Acme Voice ' })).toBe('Acme Voice');
    expect(sellerName({ PLATFORM_NAME: '   ' })).toBe('VoiceDash');
    expect(sellerName({})).toBe('VoiceDash');
  });

  it('prints a paid invoice line by line', async () => {
    await setPeriodStatus(t.db, { workspaceId: WS, periodId: ids.jan, action: 'paid', actor: CLI_ACTOR, now: new Date('2026-03-09T19:00:00Z') });
    expect(await pdfLines((await getInvoice(t.db, WS, ids.jan))!)).toEqual([
      ...head('Invoice INV-2026-000001', 'Jan 1, 2026 – Jan 31, 2026', 'Paid'),
      'INVOICE NUMBER', 'INV-2026-000001', 'ISSUED', 'Mar 10, 2026', 'PAID', 'Mar 10, 2026', 'TOTAL', '$50.86',
      'Line items', 'Description Quantity Unit Amount',
      'Subscription: monthly (monthly) $49.00',
      'openai llm_tokens 12,000 tokens $0.36',
      'twilio telephony_minutes 25 min $2.50',
      'Included minutes (10 min of telephony_minutes) 10 min -$1.00',
      'Total $50.86',
      ...fine,
    ]);
  });

  it('prints a void invoice with its reason, and one voided without a reason', async () => {
    await setPeriodStatus(t.db, { workspaceId: WS, periodId: ids.feb, action: 'void', reason: 'sent twice', actor: CLI_ACTOR, now: new Date('2026-03-09T19:00:00Z') });
    const feb = (await getInvoice(t.db, WS, ids.feb))!;
    expect(feb.events).toEqual([
      { action: 'finalized', actor: 'job:billing-close', at: expect.any(Date), reason: null },
      { action: 'void', actor: 'cli', at: expect.any(Date), reason: 'sent twice' },
    ]);
    const page = (reason: string) => [
      ...head('Invoice INV-2026-000002', 'Feb 1, 2026 – Feb 28, 2026', 'Void'),
      'INVOICE NUMBER', 'INV-2026-000002', 'ISSUED', 'Mar 10, 2026', 'PAID', '–', 'TOTAL', '$49.00',
      'Line items', 'Description Quantity Unit Amount', ...unbilledMonth, 'Total $49.00',
      `This invoice is void${reason}. Nothing is due on it.`,
      ...fine,
    ];
    expect(await pdfLines(feb)).toEqual(page(': sent twice'));
    expect(await pdfLines({ ...feb, voidReason: null })).toEqual(page(''));
  });

  it('prints the running month as a draft whose total is not final', async () => {
    expect(await pdfLines((await getInvoice(t.db, WS, ids.mar))!)).toEqual([
      ...head('Draft invoice', 'Mar 1, 2026 – Mar 31, 2026', 'Draft'),
      'INVOICE NUMBER', '–', 'ISSUED', 'not yet', 'PAID', '–', 'TOTAL SO FAR (NOT FINAL)', '$49.00',
      'Line items', 'Description Quantity Unit Amount', ...unbilledMonth, 'Total so far (not final) $49.00',
      'Draft: the month is still running; amounts change until it is closed.',
      ...fine,
    ]);
  });

  it('prints a finalized invoice as due', async () => {
    expect(await pdfLines((await getInvoice(t.db, WS, ids.feb))!)).toEqual([
      ...head('Invoice INV-2026-000002', 'Feb 1, 2026 – Feb 28, 2026', 'Finalized (due)'),
      'INVOICE NUMBER', 'INV-2026-000002', 'ISSUED', 'Mar 10, 2026', 'PAID', '–', 'TOTAL', '$49.00',
      'Line items', 'Description Quantity Unit Amount', ...unbilledMonth, 'Total $49.00',
      ...fine,
    ]);
  });
});
