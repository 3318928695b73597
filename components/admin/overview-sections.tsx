import Link from 'next/link';
import { BarChartCard, Card, DataTable, EmptyState, KpiCard } from '@/components/ui';
import { getMrrByTier, getRevenueByMonth, type TimeRange, type TopWorkspace } from '@/lib/analytics';
import type { AdminOverview } from '@/lib/admin/admin-overview';
import { mrrByTierPoints, revenueByMonthPoints } from '@/lib/admin/chart-data';
import { ADMIN_DEFINITIONS } from '@/lib/admin/definitions';
import { prepareOverviewKpis } from '@/lib/admin/overview-kpis';
import { formatCount, formatMoney } from '@/lib/charts/format';
import { getDb } from '@/lib/db';

/** The /admin cards: async server components, each rendered in its own CardSlot. */

export async function OverviewKpis({ overview }: { overview: Promise<AdminOverview> }) {
  const figures = await overview;
  return (
    <section aria-label="Key figures" className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {prepareOverviewKpis(figures).map((kpi, i) => (
        // Cards in the two right-hand columns open their definition leftwards, inside the page.
        <div key={kpi.key} data-kpi={kpi.key} className={`min-w-0 ${i % 4 >= 2 ? 'md:[&_[role=tooltip]]:right-0 md:[&_[role=tooltip]]:left-auto' : ''}`}>
          <KpiCard label={kpi.label} value={kpi.value} definition={kpi.definition} change={kpi.change} changeLabel={kpi.changeLabel} note={kpi.note} />
        </div>
      ))}
    </section>
  );
}

export async function MrrByTierCard() {
  const rows = await getMrrByTier(await getDb());
  return (
    <BarChartCard
      title="MRR by tier"
      definition={ADMIN_DEFINITIONS.mrrByTier}
      points={mrrByTierPoints(rows)}
      orientation="bars"
      categoryHeader="Tier"
      valueHeader="MRR"
      valueFormat="money"
      empty={{ title: 'No active subscriptions', description: 'MRR appears once a workspace on a paid tier is active.' }}
    />
  );
}

/** Revenue per calendar month of the page's range; draft months are drawn hatched and said "draft". */
export async function RevenueByMonthCard({ range }: { range: TimeRange }) {
  const months = await getRevenueByMonth(await getDb(), range);
  return (
    <BarChartCard
      title="Revenue by month"
      definition={ADMIN_DEFINITIONS.revenueByMonth}
      points={revenueByMonthPoints(months)}
      categoryHeader="Month"
      valueHeader="Revenue"
      valueFormat="money"
      empty={{ title: 'No revenue in this range', description: 'Paid, finalized and draft billing periods appear here.' }}
    />
  );
}

export async function TopWorkspacesCard({ overview }: { overview: Promise<AdminOverview> }) {
  const { topWorkspaces } = await overview;
  return (
    <Card title="Top workspaces by revenue" definition={ADMIN_DEFINITIONS.topWorkspaces}>
      <div data-testid="top-workspaces">
        <DataTable<TopWorkspace & { rank: number }>
          caption="Top 10 workspaces by revenue in the range"
          rows={topWorkspaces.map((row, i) => ({ ...row, rank: i + 1 }))}
          rowKey={(row) => row.workspaceId}
          empty={<EmptyState title="No workspaces yet" />}
          columns={[
            { key: 'rank', header: '#', cell: (row) => <span className="text-slate-500">{row.rank}</span> },
            {
              key: 'name',
              header: 'Workspace',
              cell: (row) => (
                <Link href={`/workspaces/${row.workspaceId}`} data-workspace-id={row.workspaceId} className="rounded font-medium text-brand-700 hover:underline">
                  {row.name}
                </Link>
              ),
            },
            { key: 'calls', header: 'Calls', align: 'right', cell: (row) => formatCount(row.calls) },
            { key: 'revenue', header: 'Revenue', align: 'right', cell: (row) => formatMoney(row.revenue) },
          ]}
        />
      </div>
    </Card>
  );
}
