import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CallsByHourCard, CallsOverTimeCard, CostTrendCard, LeaderboardCards, OverviewKpis, ProviderCostCard, SentimentCard } from '@/components/dashboard/overview-cards';
import { ViewHeader } from '@/components/dashboard/ViewHeader';
import { pageContext, type SearchParams } from '@/components/dashboard/data';
import { CardSlot, ErrorBoundary, KpiSkeleton } from '@/components/ui';
import { RANGE_PARAMS, viewSearch } from '@/lib/charts/url';

export const metadata: Metadata = { title: 'Overview' };

const KPI_LABELS = ['Calls', 'Success rate', 'Minutes', 'Avg duration', 'Avg response time', 'Billed cost'];

/** Headline figures, cost trend, calls by hour, agent leaderboard, sentiment, cost by provider: one Suspense per card. */
export default async function OverviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { access, ctx, query, range } = await pageContext(params, searchParams);
  const base = `/workspaces/${access.workspace.id}`;
  const rangeSearch = viewSearch(query, RANGE_PARAMS);
  return (
    <>
      <ViewHeader title="Overview" view={ctx.view} range={range} pathname={base} />
      <div className="flex flex-col gap-4">
        <ErrorBoundary title="Headline figures" height={96}>
          <Suspense
            fallback={
              <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
                {KPI_LABELS.map((label) => (
                  <KpiSkeleton key={label} label={label} />
                ))}
              </div>
            }
          >
            <OverviewKpis ctx={ctx} />
          </Suspense>
        </ErrorBoundary>
        <CardSlot title="Calls over time" height={300}>
          <CallsOverTimeCard ctx={ctx} granularity={query.granularity} pathname={base} search={viewSearch(query).replace(/^\?/, '')} />
        </CardSlot>
        <div className="grid gap-4 lg:grid-cols-2">
          <CardSlot title="Cost trend">
            <CostTrendCard ctx={ctx} granularity={query.granularity} />
          </CardSlot>
          <CardSlot title="Calls by hour">
            <CallsByHourCard ctx={ctx} />
          </CardSlot>
        </div>
        <CardSlot title="Agent leaderboard" height={320}>
          <LeaderboardCards ctx={ctx} search={rangeSearch} />
        </CardSlot>
        <div className="grid gap-4 lg:grid-cols-2">
          <CardSlot title="Sentiment" height={160}>
            <SentimentCard ctx={ctx} callsPath={`${base}/calls`} />
          </CardSlot>
          <CardSlot title="Cost by provider" height={200}>
            <ProviderCostCard ctx={ctx} />
          </CardSlot>
        </div>
      </div>
    </>
  );
}
