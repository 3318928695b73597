import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Card, CardSkeleton, DataTable, EmptyState, PageHeader } from '@/components/ui';
import { PeriodActions } from '@/components/billing/PeriodActions';
import { StatusBadge } from '@/components/billing/StatusBadge';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { listAllPeriods, PERIOD_STATUSES } from '@/lib/billing/admin';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/reports/format';

export const metadata: Metadata = { title: 'Billing' };

type Query = Promise<Record<string, string | string[] | undefined>>;

/** Every billing period across workspaces; filter by local month and status; mark paid / void, re-close void. */
export default async function AdminBillingPage({ searchParams }: { searchParams: Query }) {
  await requirePlatformAdmin('/admin/billing');
  const params = await searchParams;
  const month = typeof params.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(params.month) ? params.month : '';
  const status = typeof params.status === 'string' && (PERIOD_STATUSES as readonly string[]).includes(params.status) ? params.status : '';
  return (
    <>
      <PageHeader title="Billing" subtitle="Billing periods of every workspace (months in each workspace's time zone). Only finalized periods can be marked paid or void." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter billing periods">
        <div className="flex flex-col">
          <label htmlFor="month" className="text-xs font-medium text-slate-600">Month</label>
          <input id="month" name="month" type="month" defaultValue={month} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="status" className="text-xs font-medium text-slate-600">Status</label>
          <select id="status" name="status" defaultValue={status} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            <option value="">Any</option>
            {PERIOD_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
        {month || status ? <Link href="/admin/billing" className="text-sm text-brand-700 hover:underline">Clear</Link> : null}
      </form>
      <Suspense key={`${month}|${status}`} fallback={<CardSkeleton title="Billing periods" height={400} />}>
        <PeriodTable month={month} status={status} />
      </Suspense>
    </>
  );
}

async function PeriodTable({ month, status }: { month: string; status: string }) {
  const rows = await listAllPeriods(await getDb(), { month: month || undefined, status: status || undefined });
  return (
    <Card title="Billing periods" definition="Revenue counts paid and finalized periods; drafts and void ones never.">
      <DataTable
        caption="Billing periods across workspaces"
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title="No billing periods match" description="Change the month or the status." />}
        columns={[
          { key: 'workspace', header: 'Workspace', cell: (r) => <Link className="text-brand-700 hover:underline" href={`/workspaces/${r.workspaceId}/billing/${r.id}`}>{r.workspaceName}</Link> },
          { key: 'month', header: 'Month', cell: (r) => r.month },
          { key: 'invoice', header: 'Invoice', hideOnMobile: true, cell: (r) => r.invoiceNumber ?? '–' },
          { key: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
          { key: 'total', header: 'Total', align: 'right', cell: (r) => formatMoney(r.totalAmount) },
          { key: 'actions', header: 'Actions', cell: (r) => <PeriodActions workspaceId={r.workspaceId} periodId={r.id} status={r.status} label={`${r.workspaceName} ${r.month}`} /> },
        ]}
      />
    </Card>
  );
}
