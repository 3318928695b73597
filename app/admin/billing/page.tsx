import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Card, CardSkeleton, DataTable, EmptyState, ErrorState, PageHeader, Pager } from '@/components/ui';
import { BilledAmount } from '@/components/billing/BilledAmount';
import { PeriodActions } from '@/components/billing/PeriodActions';
import { StatusBadge } from '@/components/billing/StatusBadge';
import { parseQuery, type QueryInput } from '@/lib/api';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { adminPeriodsQuerySchema, listAllPeriods, PERIOD_STATUSES, PERIODS_PER_PAGE, type AdminPeriodsQuery } from '@/lib/billing/admin';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Billing' };

/** Every billing period across workspaces; filter by local month and status; mark paid / void, re-close void. */
export default async function AdminBillingPage({ searchParams }: { searchParams: Promise<QueryInput> }) {
  await requirePlatformAdmin('/admin/billing');
  const parsed = parseQuery(adminPeriodsQuerySchema, await searchParams);
  const header = <PageHeader title="Billing" subtitle="Billing periods of every workspace (months in each workspace's time zone). Only finalized periods can be marked paid or void." />;
  if (!parsed.ok) {
    return (
      <>
        {header}
        <div className="space-y-3">
          <ErrorState title="This view cannot be shown" message={parsed.message} />
          <Link href="/admin/billing" className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            Show every billing period
          </Link>
        </div>
      </>
    );
  }
  const query = parsed.data;
  const month = query.month ?? '';
  const status = query.status ?? '';
  return (
    <>
      {header}
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
      <Suspense key={`${month}|${status}|${query.page}`} fallback={<CardSkeleton title="Billing periods" height={400} />}>
        <PeriodTable query={query} />
      </Suspense>
    </>
  );
}

async function PeriodTable({ query }: { query: AdminPeriodsQuery }) {
  const { rows, total, page, pageCount } = await listAllPeriods(await getDb(), query);
  // Paging keeps the filters.
  const filters = new URLSearchParams(Object.entries({ month: query.month ?? '', status: query.status ?? '' }).filter(([, v]) => v));
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
          { key: 'total', header: 'Total', align: 'right', cell: (r) => <BilledAmount amount={r.totalAmount} status={r.status} /> },
          { key: 'actions', header: 'Actions', cell: (r) => <PeriodActions workspaceId={r.workspaceId} periodId={r.id} status={r.status} label={`${r.workspaceName} ${r.month}`} /> },
        ]}
      />
      <Pager page={page} pageCount={pageCount} total={total} pageSize={rows.length} perPage={PERIODS_PER_PAGE} baseHref="/admin/billing" params={filters} noun="billing periods" />
    </Card>
  );
}
