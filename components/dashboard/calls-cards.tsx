import { BarChartCard, KpiCard } from '@/components/ui';
import { formatCount, formatMinutes, formatPercent, formatSeconds } from '@/lib/charts/format';
import { directionPoints, hourPoints, leaderboardPoints, statusPoints } from '@/lib/charts/series';
import { DEFINITIONS } from '@/lib/definitions';
import { FilterBar } from './FilterBar';
import { NO_CALLS } from './overview-cards';
import { loadAgents, loadCallAnalytics, loadCallProviders, type CardContext } from './data';
import { agentDisplayName } from '@/lib/agents/label';

const NO_MATCHING_CALLS = { title: 'No calls match these filters in this range', description: 'Clear a filter or choose a longer range.' };

function emptyFor(ctx: CardContext) {
  return Object.keys(ctx.view.filters).length > 0 ? NO_MATCHING_CALLS : NO_CALLS;
}

/** The filter bar, with the workspace's agents (deleted ones marked) and the range's voice providers as options. */
export async function CallFilters({ ctx }: { ctx: CardContext }) {
  const [agents, providers] = await Promise.all([loadAgents(ctx), loadCallProviders(ctx)]);
  return (
    <FilterBar
      agents={agents.map((agent) => ({ value: agent.id, label: agentDisplayName({ agentId: agent.id, agentName: agent.name, agentDeleted: agent.deletedAt !== null }) }))}
      providers={providers.map((provider) => ({ value: provider, label: provider }))}
    />
  );
}

export async function CallsKpis({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <KpiCard label="Calls" value={formatCount(analytics.totalCalls)} definition={`${DEFINITIONS.totalCalls} ${DEFINITIONS.filters}`} />
      <KpiCard label="Success rate" value={formatPercent(analytics.successRate)} definition={DEFINITIONS.successRate} />
      <KpiCard label="Minutes" value={formatMinutes(analytics.totalMinutes)} definition={DEFINITIONS.totalMinutes} />
      <KpiCard label="Avg duration" value={formatSeconds(analytics.avgDuration)} definition={DEFINITIONS.avgDuration} />
    </div>
  );
}

export async function StatusCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx);
  return (
    <BarChartCard
      title="Calls by status"
      definition={DEFINITIONS.callsByStatus}
      points={statusPoints(analytics.callsByStatus, ctx.view.filters.status ?? null)}
      orientation="bars"
      height={200}
      categoryHeader="Status"
      valueHeader="Calls"
      select={{ param: 'status', label: 'Show calls with status' }}
      empty={emptyFor(ctx)}
    />
  );
}

export async function DirectionCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx);
  return (
    <BarChartCard
      title="Calls by direction"
      definition={DEFINITIONS.callsByDirection}
      points={directionPoints(analytics.callsByDirection, ctx.view.filters.direction ?? null)}
      orientation="bars"
      height={200}
      categoryHeader="Direction"
      valueHeader="Calls"
      select={{ param: 'direction', label: 'Show calls of direction' }}
      empty={emptyFor(ctx)}
    />
  );
}

export async function AgentCallsCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx);
  return (
    <BarChartCard
      title="Calls by agent"
      definition={DEFINITIONS.leaderboard}
      points={leaderboardPoints(analytics.callsByAgent, 10, ctx.view.filters.agentId ?? null)}
      orientation="bars"
      height={320}
      categoryHeader="Agent"
      valueHeader="Calls"
      select={{ param: 'agentId', label: 'Show calls of' }}
      empty={emptyFor(ctx)}
    />
  );
}

/** Choosing an hour is a filter like the others: every card and the table narrow to it. */
export async function HourCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx);
  return (
    <BarChartCard
      title="Calls by hour"
      definition={`${DEFINITIONS.callsByHour} Hours in ${ctx.timeZone}. Choose an hour to narrow the page to calls started in it.`}
      points={hourPoints(analytics.callsByHour, ctx.view.filters.hour ?? null)}
      height={320}
      categoryHeader="Local hour"
      valueHeader="Calls"
      select={{ param: 'hour', label: 'Show calls started at' }}
      empty={emptyFor(ctx)}
    />
  );
}
