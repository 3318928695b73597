import { extractText, getDocumentProxy } from 'unpdf';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as list } from '@/app/api/workspaces/[id]/billing-periods/route';
import { GET as invoice } from '@/app/api/workspaces/[id]/billing-periods/[periodId]/route';
import { GET as invoicePdf } from '@/app/api/workspaces/[id]/billing-periods/[periodId]/pdf/route';
import { POST as markPaid } from '@/app/api/workspaces/[id]/billing-periods/[periodId]/paid/route';
import { POST as markVoid } from '@/app/api/workspaces/[id]/billing-periods/[periodId]/void/route';
import { invoiceResponse } from '@/lib/api/schemas';
import { CLI_ACTOR } from '@/lib/audit';
import { setPeriodStatus } from '@/lib/billing/actions';
import { closeBilling } from '@/lib/billing/close';
import { listBillingPeriods } from '@/lib/billing/periods';
import type { TestDatabase } from '../helpers/test-db';
import { withSeededWorld, type World } from './fixtures';
import { apiRequest, call } from './session';

describe('billing period API', () => {
  let t: TestDatabase;
  let w: World;
  let feb: string;
  // A world and a close per test, in beforeEach rather than beforeAll: each test stands
  // alone, and mutation testing ties the close's code to the tests (code run in beforeAll
  // is "static": every mutant of it would re-run every suite of the module).
  withSeededWorld((db, world) => {
    t = db;
    w = world;
  }, { each: true });
  beforeEach(async () => {
    // Alpha (America/New_York, tier pro: 99/month, no included minutes) since mid-February;
    // the world already has its March period (paid), so the close finalizes February only.
    await t.db.workspace.update({ where: { id: w.a }, data: { createdAt: new Date('2026-02-15T12:00:00Z') } });
    const summary = await closeBilling(t.db, { now: new Date('2026-04-10T12:00:00Z'), workspaceId: w.a });
    expect(summary.invoices).toEqual(['INV-2026-000001']);
    feb = (await t.db.billingPeriod.findFirstOrThrow({ where: { workspaceId: w.a, invoiceNumber: 'INV-2026-000001' } })).id;
  });

  const url = (ws: string, period: string, tail = '') => `/api/workspaces/${ws}/billing-periods/${period}${tail}`;

  it('lists a member the workspace\'s periods, newest month and revision first, amounts exact', async () => {
    // The close left April open as a draft; February, voided and closed again, lists its
    // revision 1 before the voided revision 0.
    await setPeriodStatus(t.db, { workspaceId: w.a, periodId: feb, action: 'void', reason: 'sent twice', actor: CLI_ACTOR });
    await closeBilling(t.db, { now: new Date('2026-04-10T13:00:00Z'), workspaceId: w.a, month: '2026-02' });
    const periods = await listBillingPeriods(t.db, { workspaceId: w.a });
    expect(periods.map(({ id, ...p }) => [id === feb, p])).toEqual([
      [false, { workspaceId: w.a, periodStart: new Date('2026-04-01T04:00:00Z'), periodEnd: new Date('2026-05-01T04:00:00Z'), status: 'draft', subscriptionAmount: '99.000000', usageAmount: '0.000000', totalAmount: '99.000000' }],
      [false, { workspaceId: w.a, periodStart: new Date('2026-03-01T05:00:00Z'), periodEnd: new Date('2026-04-01T04:00:00Z'), status: 'paid', subscriptionAmount: '99.000000', usageAmount: '3.900000', totalAmount: '102.900000' }],
      [false, { workspaceId: w.a, periodStart: new Date('2026-02-01T05:00:00Z'), periodEnd: new Date('2026-03-01T05:00:00Z'), status: 'finalized', subscriptionAmount: '99.000000', usageAmount: '0.000000', totalAmount: '99.000000' }],
      [true, { workspaceId: w.a, periodStart: new Date('2026-02-01T05:00:00Z'), periodEnd: new Date('2026-03-01T05:00:00Z'), status: 'void', subscriptionAmount: '99.000000', usageAmount: '0.000000', totalAmount: '99.000000' }],
    ]);
    const result = await call(list, `/api/workspaces/${w.a}/billing-periods`, { id: w.a }, w.viewerA);
    expect(result.status).toBe(200);
    expect((result.body as { billingPeriods: { id: string; totalAmount: string }[] }).billingPeriods.map((p) => p.id)).toEqual(periods.map((p) => p.id));
    expect(JSON.stringify(result.body)).not.toContain(w.periodB);
    // Another workspace's list, and a malformed workspace id, are a 404 to a non-member.
    expect((await call(list, `/api/workspaces/${w.a}/billing-periods`, { id: w.a }, w.memberB)).status).toBe(404);
    expect((await call(list, '/api/workspaces/x/billing-periods', { id: 'x' }, w.viewerA)).status).toBe(404);
  });

  it('shows a member the invoice with its line items, in billed amounts only', async () => {
    const result = await call(invoice, url(w.a, feb), { id: w.a, periodId: feb }, w.viewerA);
    expect(result.status).toBe(200);
    const body = invoiceResponse.parse(result.body);
    expect(body).toMatchObject({
      invoiceNumber: 'INV-2026-000001', status: 'finalized', seller: 'VoiceDash', workspace: { name: 'Alpha', timezone: 'America/New_York' },
      periodStart: '2026-02-01T05:00:00.000Z', periodEnd: '2026-03-01T05:00:00.000Z', subscriptionAmount: '99.000000', usageAmount: '0.000000', totalAmount: '99.000000',
    });
    expect(body.lines.map((l) => [l.kind, l.amount])).toEqual([['subscription', '99.000000']]);
    expect(body.events.map((e) => [e.action, e.actor])).toEqual([['finalized', 'job:billing-close']]);
    expect(JSON.stringify(result.body)).not.toMatch(/totalCost|providerCost|total_cost/);
  });

  it('answers 404 for another workspace\'s period, a malformed id and a non-member', async () => {
    const foreign = await call(invoice, url(w.a, w.periodB), { id: w.a, periodId: w.periodB }, w.ownerA);
    expect(foreign.status).toBe(404);
    expect((await call(invoice, url(w.a, 'x'), { id: w.a, periodId: 'x' }, w.ownerA)).body).toEqual(foreign.body);
    expect((await call(invoice, url(w.a, feb), { id: w.a, periodId: feb }, w.memberB)).status).toBe(404);
    expect((await call(invoicePdf, url(w.a, feb, '/pdf'), { id: w.a, periodId: feb }, w.memberB)).status).toBe(404);
    expect((await call(markPaid, url(w.a, feb, '/paid'), { id: w.a, periodId: feb }, w.memberB, { method: 'POST' })).status).toBe(404);
  });

  it('validates the void body: 400 naming the field, 415 when it is not JSON', async () => {
    const long = await call(markVoid, url(w.a, feb, '/void'), { id: w.a, periodId: feb }, w.admin, { method: 'POST', body: { reason: 'x'.repeat(501) } });
    expect(long.status).toBe(400);
    expect((long.body as { error: { param: string } }).error.param).toBe('reason');
    const wrongType = await call(markVoid, url(w.a, feb, '/void'), { id: w.a, periodId: feb }, w.admin, { method: 'POST', body: { reason: 42 } });
    expect((wrongType.body as { error: { param: string } }).error.param).toBe('reason');
    const text = await call(markVoid, url(w.a, feb, '/void'), { id: w.a, periodId: feb }, w.admin, { method: 'POST', body: 'reason=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('lets owners and admins download the PDF (number, customer, total), not viewers', async () => {
    expect((await call(invoicePdf, url(w.a, feb, '/pdf'), { id: w.a, periodId: feb }, w.viewerA)).status).toBe(403);
    const result = await invoicePdf(await apiRequest(url(w.a, feb, '/pdf'), w.ownerA), { params: Promise.resolve({ id: w.a, periodId: feb }) });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/pdf');
    expect(result.headers.get('content-disposition')).toContain('invoice-alpha-INV-2026-000001.pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await result.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const s of ['Invoice INV-2026-000001', 'Seller: VoiceDash', 'Customer: Alpha', 'Feb 1, 2026 – Feb 28, 2026', 'Subscription: pro (monthly)', '$99.00', 'Finalized']) {
      expect(text).toContain(s);
    }
  });

  it('lets only platform admins mark a period paid or void; a void needs a reason', async () => {
    expect((await call(markPaid, url(w.a, feb, '/paid'), { id: w.a, periodId: feb }, w.ownerA, { method: 'POST' })).status).toBe(403);
    expect((await call(markVoid, url(w.a, feb, '/void'), { id: w.a, periodId: feb }, w.ownerA, { method: 'POST', body: { reason: 'duplicate' } })).status).toBe(403);
    const noReason = await call(markVoid, url(w.a, feb, '/void'), { id: w.a, periodId: feb }, w.admin, { method: 'POST', body: {} });
    expect(noReason.status).toBe(400);
    expect((noReason.body as { error: { param: string } }).error.param).toBe('reason');
    const crossSite = await call(markPaid, url(w.a, feb, '/paid'), { id: w.a, periodId: feb }, w.admin, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);

    const paid = await call(markPaid, url(w.a, feb, '/paid'), { id: w.a, periodId: feb }, w.admin, { method: 'POST' });
    expect(paid).toMatchObject({ status: 200, body: { id: feb, status: 'paid' } });
    // Only a finalized period moves, once.
    expect((await call(markPaid, url(w.a, feb, '/paid'), { id: w.a, periodId: feb }, w.admin, { method: 'POST' })).status).toBe(409);
    expect((await call(markVoid, url(w.a, feb, '/void'), { id: w.a, periodId: feb }, w.admin, { method: 'POST', body: { reason: 'duplicate' } })).status).toBe(409);

    const body = invoiceResponse.parse((await call(invoice, url(w.a, feb), { id: w.a, periodId: feb }, w.viewerA)).body);
    expect(body.status).toBe('paid');
    expect(body.events.map((e) => [e.action, e.actor])).toEqual([['finalized', 'job:billing-close'], ['paid', 'admin@example.com']]);

    // Workspace B's finalized period, voided by the admin with a reason.
    const voided = await call(markVoid, url(w.b, w.periodB, '/void'), { id: w.b, periodId: w.periodB }, w.admin, { method: 'POST', body: { reason: 'billed twice' } });
    expect(voided).toMatchObject({ status: 200, body: { status: 'void' } });
    const b = invoiceResponse.parse((await call(invoice, url(w.b, w.periodB), { id: w.b, periodId: w.periodB }, w.memberB)).body);
    expect(b).toMatchObject({ status: 'void', voidReason: 'billed twice', events: [{ action: 'void', reason: 'billed twice' }] });
  });
});
