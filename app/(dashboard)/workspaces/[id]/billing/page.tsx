import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Card, CardSkeleton, DataTable, EmptyState, PageHeader } from '@/components/ui';
import { workspaceAccess } from '@/components/dashboard/data';
import { BilledAmount } from '@/components/billing/BilledAmount';
import { StatusBadge } from '@/components/billing/StatusBadge';
import { periodMonth } from '@/components/billing/format';
import { listInvoices } from '@/lib/billing/invoice';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/reports/format';

export const metadata: Metadata = { title: 'Billing' };

/** Every billing period of the workspace with status and totals; every member reads it. */
export default async function BillingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await workspaceAccess(id);
  const timeZone = access.workspace.timezone;
  return (
    <>
      <PageHeader title="Billing" subtitle={`One invoice per calendar month in ${timeZone}. The current month is a draft until it ends: its amounts are not final.`} />
      <Suspense fallback={<CardSkeleton title="Invoices" height={320} />}>
        <PeriodList workspaceId={access.workspace.id} timeZone={timeZone} />
      </Suspense>
    </>
  );
}

async function PeriodList({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const periods = await listInvoices(await getDb(), workspaceId);
  return (
    <Card title="Invoices" definition="Subscription + usage (less the included minutes) + adjustments for usage recorded after an earlier month was invoiced.">
      <DataTable
        caption="Billing periods, newest first"
        rowKey={(p) => p.id}
        rows={periods}
        empty={<EmptyState title="No billing periods yet" description="The first period appears within the hour after the workspace is created." />}
        columns={[
          { key: 'month', header: 'Month', cell: (p) => <Link className="font-medium text-brand-700 hover:underline" href={`/workspaces/${workspaceId}/billing/${p.id}`}>{periodMonth(p.periodStart, timeZone)}</Link> },
          { key: 'invoice', header: 'Invoice', cell: (p) => p.invoiceNumber ?? '–', hideOnMobile: true },
          { key: 'status', header: 'Status', cell: (p) => <StatusBadge status={p.status} /> },
          { key: 'subscription', header: 'Subscription', align: 'right', hideOnMobile: true, cell: (p) => formatMoney(p.subscriptionAmount) },
          { key: 'usage', header: 'Usage', align: 'right', hideOnMobile: true, cell: (p) => formatMoney(p.usageAmount) },
          { key: 'total', header: 'Total', align: 'right', cell: (p) => <BilledAmount className="font-medium" amount={p.totalAmount} status={p.status} /> },
        ]}
      />
    </Card>
  );
}
