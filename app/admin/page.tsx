import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CardSlot, ErrorBoundary, KpiSkeleton } from '@/components/ui';
import { AdminHeader } from '@/components/admin/admin-header';
import { MrrByTierCard, OverviewKpis, RevenueByMonthCard, TopWorkspacesCard } from '@/components/admin/overview-sections';
import { RangeError } from '@/components/admin/range-error';
import { getAdminOverview } from '@/lib/admin/admin-overview';
import { pageRange } from '@/lib/admin/page-range';
import type { QueryInput } from '@/lib/api';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Overview' };

const KPI_LABELS = ['Workspaces', 'Active', 'Calls', 'Revenue', 'MRR', 'ARR', 'Churn rate'];

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<QueryInput> }) {
  await requirePlatformAdmin('/admin');
  const now = new Date();
  const resolved = pageRange(await searchParams, now);
  if (!resolved.ok) {
    return (
      <>
        <AdminHeader title="Platform overview" range={null} />
        <RangeError message={resolved.message} resetHref="/admin" />
      </>
    );
  }
  const { range } = resolved;
  // One overview query feeds both the KPI cards and the top-workspaces table; a failure
  // is rendered by their boundaries, so the page-level promise must not go unhandled.
  const overview = getDb().then((db) => getAdminOverview(db, range));
  overview.catch(() => {});
  return (
    <>
      <AdminHeader title="Platform overview" range={range} />
      <div className="space-y-6">
        <ErrorBoundary title="Key figures">
          <Suspense
            fallback={
              <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
                {KPI_LABELS.map((label) => (
                  <KpiSkeleton key={label} label={label} />
                ))}
              </div>
            }
          >
            <OverviewKpis overview={overview} />
          </Suspense>
        </ErrorBoundary>
        <div className="grid gap-6 lg:grid-cols-2">
          <CardSlot title="MRR by tier">
            <MrrByTierCard />
          </CardSlot>
          <CardSlot title="Revenue by month">
            <RevenueByMonthCard range={range} />
          </CardSlot>
        </div>
        <CardSlot title="Top workspaces by revenue" height={420}>
          <TopWorkspacesCard overview={overview} />
        </CardSlot>
      </div>
    </>
  );
}
