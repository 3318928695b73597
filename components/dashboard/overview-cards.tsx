import Link from 'next/link';
import { BarChartCard, Card, DataTable, EmptyState, KpiCard, TrendChartCard } from '@/components/ui';
import { GRANULARITIES, type AgentLeaderboardRow, type Granularity } from '@/lib/analytics';
import { callsOverTimeBars } from '@/lib/charts/calls-over-time';
import { CallsOverTimeChart } from './CallsOverTimeChart';
import { formatCount, formatMilliseconds, formatMinutes, formatMoney, formatPercent, formatSeconds, whenData } from '@/lib/charts/format';
import { kpiChange, moneyChange } from '@/lib/charts/kpi';
import { agentLabel, hasSentiment, hourPoints, leaderboardPoints, providerCostPoints, sentimentPoints } from '@/lib/charts/series';
import { DEFINITIONS, withNote } from '@/lib/definitions';
import { TREND_HEADERS, trendGranularity, trendPoints } from '@/lib/charts/trend';
import { granularityOf, loadCallAnalytics, loadCallsOverTime, loadOverview, type CardContext } from './data';

export const NO_CALLS = { title: 'No calls in this range', description: 'Choose a longer range, or check that your agents are taking calls.' };

/** The six headline figures with their change vs the previous period of equal length. */
export async function OverviewKpis({ ctx }: { ctx: CardContext }) {
  const { calls, cost, counts, performance, previous, range } = await loadOverview(ctx);
  // A change needs data on both sides; a figure without data shows "—" and no change.
  const both = (key: keyof typeof counts) => counts[key] > 0 && previous.counts[key] > 0;
  // "Today" compares with the same hours yesterday (lib/analytics/range previousRange).
  const sameTimeYesterday = previous.range.to.getTime() < range.from.getTime();
  const vs = sameTimeYesterday ? 'vs same time yesterday' : 'vs previous period';
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <KpiCard label="Calls" value={formatCount(calls.total)} definition={DEFINITIONS.totalCalls} change={kpiChange(calls.total, previous.calls.total, 'relative')} changeLabel={vs} />
      <KpiCard label="Success rate" value={whenData(counts.terminal, formatPercent(performance.successRate))} definition={DEFINITIONS.successRate} change={both('terminal') ? kpiChange(performance.successRate, previous.performance.successRate, 'points') : null} changeLabel={vs} />
      <KpiCard label="Minutes" value={formatMinutes(calls.totalMinutes)} definition={DEFINITIONS.totalMinutes} change={kpiChange(calls.totalMinutes, previous.calls.totalMinutes, 'relative')} changeLabel={vs} />
      <KpiCard label="Avg duration" value={whenData(counts.withDuration, formatSeconds(calls.avgDuration))} definition={DEFINITIONS.avgDuration} change={both('withDuration') ? kpiChange(calls.avgDuration, previous.calls.avgDuration, 'relative', 'neither') : null} changeLabel={vs} />
      <KpiCard label="Avg response time" value={whenData(counts.withResponseTime, formatMilliseconds(performance.avgResponseTime))} definition={DEFINITIONS.avgResponseTime} change={both('withResponseTime') ? kpiChange(performance.avgResponseTime, previous.performance.avgResponseTime, 'relative', 'lower') : null} changeLabel={vs} />
      <KpiCard label="Billed cost" value={formatMoney(cost.total)} definition={DEFINITIONS.totalCost} change={moneyChange(cost.total, previous.cost.total)} changeLabel={vs} />
    </div>
  );
}

/** Billed cost per day, week or month: the overview's `granularity` when it is one of those, else as the range wants. */
export async function CostTrendCard({ ctx, granularity: requested }: { ctx: CardContext; granularity?: unknown }) {
  const { cost, range } = await loadOverview(ctx);
  const granularity = trendGranularity(range, granularityOf(ctx, requested).granularity);
  return (
    <TrendChartCard
      title="Cost trend"
      definition={DEFINITIONS.costTrend}
      categoryHeader={TREND_HEADERS[granularity]}
      points={trendPoints(range, cost.trend.map((d) => ({ date: d.date, value: d.cost })), granularity)}
      valueHeader="Billed cost"
      valueFormat="money"
      empty={{ title: 'No billed usage in this range', description: 'Cost appears once calls in the range have usage records.' }}
    />
  );
}

export async function CallsByHourCard({ ctx }: { ctx: CardContext }) {
  const analytics = await loadCallAnalytics(ctx, {});
  return (
    <BarChartCard
      title="Calls by hour"
      definition={withNote(DEFINITIONS.callsByHour, `Hours in ${ctx.timeZone}.`)}
      points={hourPoints(analytics.callsByHour)}
      categoryHeader="Local hour"
      valueHeader="Calls"
      empty={NO_CALLS}
    />
  );
}

export async function SentimentCard({ ctx, callsPath }: { ctx: CardContext; callsPath?: string }) {
  const { performance } = await loadOverview(ctx);
  return <SentimentChart shares={performance.sentiment} callsPath={callsPath} />;
}

export function SentimentChart({ shares, callsPath }: { shares: Parameters<typeof sentimentPoints>[0]; callsPath?: string }) {
  return (
    <BarChartCard
      title="Sentiment"
      definition={DEFINITIONS.sentiment}
      points={hasSentiment(shares) ? sentimentPoints(shares) : []}
      orientation="bars"
      height={160}
      categoryHeader="Sentiment"
      valueHeader="Share of calls"
      valueFormat="percent"
      select={callsPath ? { param: 'sentiment', pathname: callsPath, label: 'Show calls with sentiment' } : undefined}
      empty={{ title: 'No sentiment in this range', description: 'No call in the range has a positive, neutral or negative sentiment.' }}
    />
  );
}

export async function ProviderCostCard({ ctx }: { ctx: CardContext }) {
  const { cost } = await loadOverview(ctx);
  return (
    <BarChartCard
      title="Cost by provider"
      definition={DEFINITIONS.costByProvider}
      points={providerCostPoints(cost.byProvider)}
      orientation="bars"
      height={200}
      categoryHeader="Provider"
      valueHeader="Billed cost"
      valueFormat="money"
      empty={{ title: 'No billed usage in this range' }}
    />
  );
}

/** The leaderboard table: agent, calls, success, minutes, cost. Names link to the agent's page. */
export function LeaderboardTable({ rows, workspaceId, search }: { rows: AgentLeaderboardRow[]; workspaceId: string; search: string }) {
  return (
    <DataTable
      caption="Agent leaderboard"
      rows={rows}
      rowKey={(row) => row.agentId ?? 'none'}
      empty={<EmptyState title={NO_CALLS.title} description={NO_CALLS.description} />}
      columns={[
        {
          key: 'agent',
          header: 'Agent',
          cell: (row) =>
            row.agentId && row.agentName ? (
              <Link href={`/workspaces/${workspaceId}/agents/${row.agentId}${search}`} className="font-medium text-brand-700 hover:underline">
                {agentLabel(row)}
              </Link>
            ) : (
              <span className="text-slate-500">{agentLabel(row)}</span>
            ),
        },
        { key: 'calls', header: 'Calls', align: 'right', cell: (row) => formatCount(row.count) },
        { key: 'success', header: 'Success', align: 'right', cell: (row) => whenData(row.terminal, formatPercent(row.successRate)) },
        { key: 'minutes', header: 'Minutes', align: 'right', cell: (row) => formatMinutes(row.totalMinutes), hideOnMobile: true },
        { key: 'cost', header: 'Cost', align: 'right', cell: (row) => formatMoney(row.cost) },
      ]}
    />
  );
}

/** Leaderboard table and its bar chart; a bar opens the calls page filtered to that agent. */
export async function LeaderboardCards({ ctx, search }: { ctx: CardContext; search: string }) {
  const analytics = await loadCallAnalytics(ctx, {});
  return (
    // items-start: the chart keeps its own height instead of stretching to the table's.
    <div className="grid items-start gap-4 lg:grid-cols-2">
      <Card title="Agent leaderboard" definition={DEFINITIONS.leaderboard}>
        <LeaderboardTable rows={analytics.callsByAgent} workspaceId={ctx.workspaceId} search={search} />
      </Card>
      <BarChartCard
        title="Calls by agent"
        definition={DEFINITIONS.leaderboard}
        points={leaderboardPoints(analytics.callsByAgent, 10)}
        orientation="bars"
        height={320}
        categoryHeader="Agent"
        valueHeader="Calls"
        select={{ param: 'agentId', pathname: `/workspaces/${ctx.workspaceId}/calls`, label: 'Show calls of' }}
        empty={NO_CALLS}
      />
    </div>
  );
}

/** Calls per local hour / day / week / month by outcome, with the hour · day · week · month switch (URL `granularity`). */
export async function CallsOverTimeCard({ ctx, granularity: requested, pathname, search }: { ctx: CardContext; granularity: unknown; pathname: string; search: string }) {
  const { granularity, problem } = granularityOf(ctx, requested);
  const series = await loadCallsOverTime(ctx, granularity);
  const params = new URLSearchParams(search);
  const hrefFor = (value: Granularity) => {
    const next = new URLSearchParams(params);
    next.set('granularity', value);
    return `${pathname}?${next.toString()}`;
  };
  const switcher = (
    <nav aria-label="Granularity" className="flex gap-0.5 rounded-md border border-slate-200 p-0.5">
      {GRANULARITIES.map((value) => (
        <Link
          key={value}
          href={hrefFor(value)}
          scroll={false}
          aria-current={value === granularity ? 'true' : undefined}
          className={`inline-flex min-h-6 min-w-6 items-center justify-center rounded px-1.5 text-xs font-medium ${value === granularity ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          {value === 'hour' ? 'Hour' : value === 'day' ? 'Day' : value === 'week' ? 'Week' : 'Month'}
        </Link>
      ))}
    </nav>
  );
  return (
    <div className="flex flex-col gap-2">
      {problem ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The link asked for a granularity we could not use ({problem}); showing {granularity}s.
        </p>
      ) : null}
      <CallsOverTimeChart bars={callsOverTimeBars(series)} granularity={granularity} definition={withNote(DEFINITIONS.callsOverTime, `Buckets in ${ctx.timeZone}.`)} actions={switcher} />
    </div>
  );
}
