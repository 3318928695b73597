import type { Metadata } from 'next';
import { AgentsTableCard } from '@/components/dashboard/agent-cards';
import { ViewHeader } from '@/components/dashboard/ViewHeader';
import { pageContext, type SearchParams } from '@/components/dashboard/data';
import { CardSlot } from '@/components/ui';
import { RANGE_PARAMS, viewSearch } from '@/lib/charts/url';

export const metadata: Metadata = { title: 'Agents' };

export default async function AgentsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { access, ctx, query, range } = await pageContext(params, searchParams);
  return (
    <>
      <ViewHeader title="Agents" view={ctx.view} range={range} pathname={`/workspaces/${access.workspace.id}/agents`} />
      <CardSlot title="Agents" height={360}>
        <AgentsTableCard ctx={ctx} search={viewSearch(query, RANGE_PARAMS)} />
      </CardSlot>
    </>
  );
}
