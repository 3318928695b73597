import { BarChartCard, KpiCard } from '@/components/ui';
import { formatCount, formatMinutes, formatPercent, formatSeconds, whenData } from '@/lib/charts/format';
import { TERMINAL_STATUSES } from '@/lib/analytics';
import { directionPoints, hourPoints, leaderboardPoints, providerCallPoints, sentimentCallPoints, statusPoints } from '@/lib/charts/series';
import { providerName } from '@/lib/providers/brands';
import { DEFINITIONS, withNote } from '@/lib/definitions';
import { FilterBar } from './FilterBar';
import { NO_CALLS } from './overview-cards';
import { loadAgents, loadCallAnalytics, loadCallAnalyticsFor, loadCallBreakdown, loadCallProviders, type CardContext } from './data';
import { agentDisplayName } from '@/lib/agents/label';

// Filter options in the order people read them (by brand name, case and accents aside).
const LABEL_ORDER = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

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
      providers={providers.map((provider) => ({ value: provider, label: providerName(provider) })).sort((a, b) => LABEL_ORDER.compare(a.label, b.label))}
    />
  );
}

export async function CallsKpis({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx);
  const terminal = TERMINAL_STATUSES.reduce((sum, status) => sum + analytics.callsByStatus[status], 0);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <KpiCard label="Calls" value={formatCount(analytics.totalCalls)} definition={withNote(DEFINITIONS.totalCalls, DEFINITIONS.filters)} />
      <KpiCard label="Success rate" value={whenData(terminal, formatPercent(analytics.successRate))} definition={DEFINITIONS.successRate} />
      <KpiCard label="Minutes" value={formatMinutes(analytics.totalMinutes)} definition={DEFINITIONS.totalMinutes} />
      <KpiCard label="Avg duration" value={analytics.longestCall === null ? '—' : formatSeconds(analytics.avgDuration)} definition={DEFINITIONS.avgDuration} />
    </div>
  );
}

export async function StatusCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalyticsFor(ctx, 'status');
  return (
    <BarChartCard
      title="Calls by status"
      definition={DEFINITIONS.callsByStatus}
      points={statusPoints(analytics.callsByStatus, ctx.view.filters.status ?? null)}
      orientation="bars"
      height={200}
      categoryHeader="Status"
      valueHeader="Calls"
      select={{ param: 'status', name: 'Status', label: 'Show calls with status' }}
      empty={emptyFor(ctx)}
    />
  );
}

export async function DirectionCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalyticsFor(ctx, 'direction');
  return (
    <BarChartCard
      title="Calls by direction"
      definition={DEFINITIONS.callsByDirection}
      points={directionPoints(analytics.callsByDirection, ctx.view.filters.direction ?? null)}
      orientation="bars"
      height={200}
      categoryHeader="Direction"
      valueHeader="Calls"
      select={{ param: 'direction', name: 'Direction', label: 'Show calls of direction' }}
      empty={emptyFor(ctx)}
    />
  );
}

export async function AgentCallsCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalyticsFor(ctx, 'agentId');
  return (
    <BarChartCard
      title="Calls by agent"
      definition={DEFINITIONS.leaderboard}
      points={leaderboardPoints(analytics.callsByAgent, 10, ctx.view.filters.agentId ?? null)}
      orientation="bars"
      height={320}
      categoryHeader="Agent"
      valueHeader="Calls"
      select={{ param: 'agentId', name: 'Agent', label: 'Show calls of' }}
      empty={emptyFor(ctx)}
    />
  );
}

export async function SentimentCallsCard({ ctx }: { ctx: CardContext }) {
  const rows = await loadCallBreakdown(ctx, 'sentiment');
  return (
    <BarChartCard
      title="Calls by sentiment"
      definition={DEFINITIONS.callsBySentiment}
      points={sentimentCallPoints(rows, ctx.view.filters.sentiment ?? null)}
      orientation="bars"
      height={200}
      categoryHeader="Sentiment"
      valueHeader="Calls"
      select={{ param: 'sentiment', name: 'Sentiment', label: 'Show calls with sentiment' }}
      empty={emptyFor(ctx)}
    />
  );
}

export async function ProviderCallsCard({ ctx }: { ctx: CardContext }) {
  const rows = await loadCallBreakdown(ctx, 'provider');
  return (
    <BarChartCard
      title="Calls by voice provider"
      definition={DEFINITIONS.callsByProvider}
      points={providerCallPoints(rows, ctx.view.filters.provider ?? null)}
      orientation="bars"
      height={200}
      categoryHeader="Voice provider"
      valueHeader="Calls"
      select={{ param: 'provider', name: 'Voice provider', label: 'Show calls with voice provider' }}
      empty={emptyFor(ctx)}
    />
  );
}

/** Choosing an hour is a filter like the others: every card and the table narrow to it. */
export async function HourCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalyticsFor(ctx, 'hour');
  return (
    <BarChartCard
      title="Calls by hour"
      definition={withNote(DEFINITIONS.callsByHour, `Hours in ${ctx.timeZone}. ${DEFINITIONS.crossFilter}`)}
      points={hourPoints(analytics.callsByHour, ctx.view.filters.hour ?? null)}
      height={320}
      categoryHeader="Local hour"
      valueHeader="Calls"
      select={{ param: 'hour', name: 'Hour', label: 'Show calls started at' }}
      empty={emptyFor(ctx)}
    />
  );
}
