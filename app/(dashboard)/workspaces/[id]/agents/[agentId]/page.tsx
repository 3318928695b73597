import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AgentIntentsCard, AgentKpis, AgentSentimentCard, AgentTrendCard } from '@/components/dashboard/agent-cards';
import { ViewHeader } from '@/components/dashboard/ViewHeader';
import { loadAgentPerformance, pageContext, type SearchParams } from '@/components/dashboard/data';
import { CardSlot, ErrorBoundary, KpiSkeleton } from '@/components/ui';
import { RANGE_PARAMS, viewSearch } from '@/lib/charts/url';

export const metadata: Metadata = { title: 'Agent' };

/** One agent: performance, daily calls, top intents, sentiment. Another workspace's agent is a 404. */
export default async function AgentPage({ params, searchParams }: { params: Promise<{ id: string; agentId: string }>; searchParams: SearchParams }) {
  const { agentId } = await params;
  const { access, ctx, query, range } = await pageContext(params, searchParams);
  // Awaited before anything renders, so that an unknown agent is a real 404 (the cards reuse this result).
  const { agent } = await loadAgentPerformance(ctx, agentId);
  const rangeSearch = viewSearch(query, RANGE_PARAMS);
  const base = `/workspaces/${access.workspace.id}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`${base}/agents${rangeSearch}`} className="text-brand-700 hover:underline">
          ← All agents
        </Link>
      </nav>
      <ViewHeader
        title={agent.name}
        view={ctx.view}
        range={range}
        pathname={`${base}/agents/${agent.id}`}
        actions={
          <>
            {agent.deletedAt ? <span className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-600">deleted</span> : null}
            <Link href={`${base}/calls${rangeSearch ? `${rangeSearch}&` : '?'}agentId=${agent.id}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
              See this agent’s calls
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-4">
        <ErrorBoundary title="Agent figures" height={96}>
          <Suspense
            fallback={
              <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
                {['Calls', 'Success rate', 'Minutes', 'Avg duration', 'Avg response time'].map((label) => (
                  <KpiSkeleton key={label} label={label} withChange={false} />
                ))}
              </div>
            }
          >
            <AgentKpis ctx={ctx} agentId={agent.id} />
          </Suspense>
        </ErrorBoundary>
        <CardSlot title="Daily calls">
          <AgentTrendCard ctx={ctx} agentId={agent.id} />
        </CardSlot>
        <div className="grid gap-4 lg:grid-cols-2">
          <CardSlot title="Top intents" height={200}>
            <AgentIntentsCard ctx={ctx} agentId={agent.id} />
          </CardSlot>
          <CardSlot title="Sentiment" height={160}>
            <AgentSentimentCard ctx={ctx} agentId={agent.id} />
          </CardSlot>
        </div>
      </div>
    </>
  );
}
