import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, DataTable, PageHeader } from '@/components/ui';
import { workspaceAccess } from '@/components/dashboard/data';
import { PeriodActions } from '@/components/billing/PeriodActions';
import { BilledAmount } from '@/components/billing/BilledAmount';
import { StatusBadge } from '@/components/billing/StatusBadge';
import { periodMonth } from '@/components/billing/format';
import { allows } from '@/lib/auth';
import { getInvoice } from '@/lib/billing/invoice';
import { invoiceTitle } from '@/lib/billing/pdf';
import { getDb } from '@/lib/db';
import { formatDate, formatMoney, formatQuantity, formatRangeDates } from '@/lib/reports/format';

export const metadata: Metadata = { title: 'Invoice' };

/** One invoice: number, seller and customer, local period, line items, total, status and its trail. */
export default async function InvoicePage({ params }: { params: Promise<{ id: string; periodId: string }> }) {
  const { id, periodId } = await params;
  const access = await workspaceAccess(id);
  if (!/^[0-9a-f-]{36}$/i.test(periodId)) notFound();
  const invoice = await getInvoice(await getDb(), access.workspace.id, periodId);
  if (!invoice) notFound();
  const tz = invoice.workspace.timezone;
  const canDownload = allows(access, 'admin');
  const title = invoiceTitle(invoice);
  return (
    <>
      <PageHeader
        title={title}
        subtitle={<>{periodMonth(invoice.periodStart, tz)} · {formatRangeDates(invoice.periodStart, invoice.periodEnd, tz)} (local dates, {tz})</>}
        actions={
          <>
            <Link href={`/workspaces/${access.workspace.id}/billing`} className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">All invoices</Link>
            {canDownload ? (
              <a href={`/api/workspaces/${access.workspace.id}/billing-periods/${invoice.id}/pdf`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" download>
                Download PDF
              </a>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Invoice" className="lg:col-span-1">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-500">Status</dt>
            <dd><StatusBadge status={invoice.status} /></dd>
            <dt className="text-slate-500">Number</dt>
            <dd>{invoice.invoiceNumber ?? 'assigned when the month closes'}</dd>
            <dt className="text-slate-500">Seller</dt>
            <dd>{invoice.seller}</dd>
            <dt className="text-slate-500">Customer</dt>
            <dd>{invoice.workspace.name}</dd>
            <dt className="text-slate-500">Issued</dt>
            <dd>{invoice.finalizedAt ? formatDate(invoice.finalizedAt, tz) : '–'}</dd>
            {invoice.paidAt ? (<><dt className="text-slate-500">Paid</dt><dd>{formatDate(invoice.paidAt, tz)}</dd></>) : null}
            {invoice.voidReason ? (<><dt className="text-slate-500">Void</dt><dd>{invoice.voidReason}</dd></>) : null}
            <dt className="text-slate-500">Total</dt>
            <dd className="text-lg font-semibold" data-testid="invoice-total"><BilledAmount amount={invoice.totalAmount} status={invoice.status} /></dd>
          </dl>
          {access.caller.isPlatformAdmin ? (
            <div className="mt-4 border-t border-slate-100 pt-3">
              <PeriodActions workspaceId={access.workspace.id} periodId={invoice.id} status={invoice.status} label={title} />
            </div>
          ) : null}
        </Card>
        <Card title="Line items" className="lg:col-span-2">
          <DataTable
            caption="Line items"
            rowKey={(l) => (l ? String(l.position) : "total")}
            rows={[...invoice.lines, null]}
            columns={[
              { key: 'description', header: 'Description', wrap: true, cell: (l) => (l ? l.description : <span className="font-semibold">Total</span>) },
              { key: 'quantity', header: 'Quantity', align: 'right', hideOnMobile: true, cell: (l) => (l?.quantity ? formatQuantity(l.quantity) : '') },
              { key: 'unit', header: 'Unit', hideOnMobile: true, cell: (l) => l?.unit ?? '' },
              { key: 'amount', header: 'Amount', align: 'right', cell: (l) => (l ? formatMoney(l.amount) : <BilledAmount className="font-semibold" amount={invoice.totalAmount} status={invoice.status} />) },
            ]}
          />
        </Card>
        <Card title="History" className="lg:col-span-3" definition="Every change of this period, from the append-only audit log.">
          {invoice.events.length === 0 ? (
            <p className="text-sm text-slate-500">Draft: recomputed every hour until the month ends.</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {invoice.events.map((e, i) => (
                <li key={i}>
                  <time dateTime={e.at.toISOString()} className="text-slate-500">{formatDate(e.at, tz)}</time> · <span className="font-medium">{e.action}</span> by {e.actor}
                  {e.reason ? <> — {e.reason}</> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
