import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CallsHeaderActions } from '@/components/dashboard/CallsHeaderActions';
import { CallsTable } from '@/components/dashboard/CallsTable';
import { AgentCallsCard, CallFilters, CallsKpis, DirectionCard, HourCard, ProviderCallsCard, SentimentCallsCard, StatusCard } from '@/components/dashboard/calls-cards';
import { ViewHeader } from '@/components/dashboard/ViewHeader';
import { pageContext, type SearchParams } from '@/components/dashboard/data';
import { Card, CardSlot, ErrorBoundary, KpiSkeleton } from '@/components/ui';
import { viewSearch } from '@/lib/charts/url';
import { DEFINITIONS } from '@/lib/definitions';

export const metadata: Metadata = { title: 'Calls' };

/**
 * Filters narrow every chart and the table; a bar (status, direction, sentiment, provider,
 * agent, hour) narrows to its calls, and its own chart keeps every bar (cross-filtering).
 */
export default async function CallsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { access, ctx, query, range } = await pageContext(params, searchParams);
  const base = `/workspaces/${access.workspace.id}/calls`;
  return (
    <>
      <ViewHeader title="Calls" view={ctx.view} range={range} pathname={base} actions={<CallsHeaderActions workspaceId={access.workspace.id} search={viewSearch(query)} />}>
        <Suspense fallback={<div className="h-[74px] rounded-lg border border-slate-200 bg-white" />}>
          <CallFilters ctx={ctx} />
        </Suspense>
      </ViewHeader>
      <div className="flex flex-col gap-4">
        <ErrorBoundary title="Call figures" height={96}>
          <Suspense
            fallback={
              <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
                {['Calls', 'Success rate', 'Minutes', 'Avg duration'].map((label) => (
                  <KpiSkeleton key={label} label={label} withChange={false} />
                ))}
              </div>
            }
          >
            <CallsKpis ctx={ctx} />
          </Suspense>
        </ErrorBoundary>
        <div className="grid gap-4 lg:grid-cols-2">
          <CardSlot title="Calls by status" height={200}>
            <StatusCard ctx={ctx} />
          </CardSlot>
          <CardSlot title="Calls by direction" height={200}>
            <DirectionCard ctx={ctx} />
          </CardSlot>
          <CardSlot title="Calls by sentiment" height={200}>
            <SentimentCallsCard ctx={ctx} />
          </CardSlot>
          <CardSlot title="Calls by voice provider" height={200}>
            <ProviderCallsCard ctx={ctx} />
          </CardSlot>
          <CardSlot title="Calls by agent" height={320}>
            <AgentCallsCard ctx={ctx} />
          </CardSlot>
          <CardSlot title="Calls by hour" height={320}>
            <HourCard ctx={ctx} />
          </CardSlot>
        </div>
        <Card title="Call list" definition={DEFINITIONS.callList}>
          <Suspense fallback={<div className="h-[480px] animate-pulse rounded-md bg-slate-100" />}>
            <CallsTable workspaceId={access.workspace.id} timeZone={access.workspace.timezone} />
          </Suspense>
        </Card>
      </div>
    </>
  );
}
