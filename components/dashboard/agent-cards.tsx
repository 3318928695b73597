import Link from 'next/link';
import { BarChartCard, Card, DataTable, EmptyState, KpiCard, TrendChartCard } from '@/components/ui';
import { formatCount, formatMilliseconds, formatMinutes, formatMoney, formatPercent, formatSeconds, whenData } from '@/lib/charts/format';
import { intentPoints } from '@/lib/charts/series';
import { TREND_HEADERS, TREND_TITLES, trendGranularity, trendPoints } from '@/lib/charts/trend';
import { agentDisplayName } from '@/lib/agents/label';
import { DEFINITIONS } from '@/lib/definitions';
import { SentimentChart } from './overview-cards';
import { loadAgentPerformance, loadAgents, type CardContext } from './data';

/** Every agent with its calls, success rate, minutes and billed cost in the range. */
export async function AgentsTableCard({ ctx, search }: { ctx: CardContext; search: string }) {
  const agents = await loadAgents(ctx);
  return (
    <Card title="Agents" definition={DEFINITIONS.agentList}>
      <DataTable
        caption="Agents"
        rows={agents}
        rowKey={(agent) => agent.id}
        empty={<EmptyState title="This workspace has no agents yet" description="Agents appear here once the voice platform registers them." />}
        columns={[
          {
            key: 'name',
            header: 'Agent',
            // Named as everywhere else: "Order Status (deleted)".
            cell: (agent) => (
              <Link href={`/workspaces/${ctx.workspaceId}/agents/${agent.id}${search}`} className="font-medium text-brand-700 hover:underline">
                {agentDisplayName({ agentId: agent.id, agentName: agent.name, agentDeleted: agent.deletedAt !== null })}
              </Link>
            ),
          },
          { key: 'calls', header: 'Calls', align: 'right', cell: (agent) => formatCount(agent.calls) },
          { key: 'success', header: 'Success', align: 'right', cell: (agent) => whenData(agent.terminal, formatPercent(agent.successRate)) },
          { key: 'minutes', header: 'Minutes', align: 'right', cell: (agent) => formatMinutes(agent.totalMinutes), hideOnMobile: true },
          { key: 'cost', header: 'Cost', align: 'right', cell: (agent) => formatMoney(agent.cost) },
        ]}
      />
    </Card>
  );
}

const NO_AGENT_CALLS = { title: 'No calls for this agent in this range', description: 'Choose a longer range.' };

export async function AgentKpis({ ctx, agentId }: { ctx: CardContext; agentId: string }) {
  const agent = await loadAgentPerformance(ctx, agentId);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <KpiCard label="Calls" value={formatCount(agent.totalCalls)} definition={DEFINITIONS.totalCalls} />
      <KpiCard label="Success rate" value={whenData(agent.counts.terminal, formatPercent(agent.successRate))} definition={DEFINITIONS.successRate} />
      <KpiCard label="Minutes" value={formatMinutes(agent.totalMinutes)} definition={DEFINITIONS.totalMinutes} />
      <KpiCard label="Avg duration" value={whenData(agent.counts.withDuration, formatSeconds(agent.avgDuration))} definition={DEFINITIONS.avgDuration} />
      <KpiCard label="Avg response time" value={whenData(agent.counts.withResponseTime, formatMilliseconds(agent.avgResponseTime))} definition={DEFINITIONS.avgResponseTime} />
    </div>
  );
}

export async function AgentTrendCard({ ctx, agentId }: { ctx: CardContext; agentId: string }) {
  const agent = await loadAgentPerformance(ctx, agentId);
  const granularity = trendGranularity(agent.range);
  return (
    <TrendChartCard
      title={TREND_TITLES[granularity]}
      definition={DEFINITIONS.callTrend}
      categoryHeader={TREND_HEADERS[granularity]}
      points={trendPoints(agent.range, agent.callTrend.map((d) => ({ date: d.date, value: d.count })), granularity)}
      valueHeader="Calls"
      empty={NO_AGENT_CALLS}
    />
  );
}

export async function AgentIntentsCard({ ctx, agentId }: { ctx: CardContext; agentId: string }) {
  const agent = await loadAgentPerformance(ctx, agentId);
  return (
    <BarChartCard
      title="Top intents"
      definition={DEFINITIONS.topIntents}
      points={intentPoints(agent.topIntents)}
      orientation="bars"
      height={200}
      categoryHeader="Intent"
      valueHeader="Calls"
      empty={{ title: 'No intents in this range', description: 'None of this agent’s calls in the range has an intent.' }}
    />
  );
}

export async function AgentSentimentCard({ ctx, agentId }: { ctx: CardContext; agentId: string }) {
  const agent = await loadAgentPerformance(ctx, agentId);
  return <SentimentChart shares={agent.sentiment} />;
}
