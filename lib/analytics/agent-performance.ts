import { Prisma, type Db } from '@/lib/db';
import { NotFoundError } from './errors';
import { CALL_AGGREGATES, callFigures, type CallAggregateRow, type FigureCounts } from './call-aggregates';
import { assertRange, type TimeRange } from './range';
import { isUuid, scopeCondition, type AnalyticsScope } from './scope';
import { dailySeries, type SentimentShares } from './series';
import { callBucketSource, callIntentSource, callTotalsSource, ROLLUP_AGGREGATES } from './call-source';
import { rollupsEnabled } from './rollup-mode';
import { inRange, isoDate, localDate } from './sql';

export type AgentPerformance = {
  range: TimeRange;
  agent: { id: string; name: string; deletedAt: Date | null };
  totalCalls: number;
  completed: number;
  successRate: number;
  avgDuration: number;
  totalMinutes: number;
  avgResponseTime: number;
  sentiment: SentimentShares;
  /** Calls behind the success rate and the means; 0: that figure has no data. */
  counts: FigureCounts;
  /** The 5 most frequent intents (null excluded), ties by intent asc. */
  topIntents: { intent: string; count: number }[];
  /** Daily call counts, every local date of the range. */
  callTrend: { date: string; count: number }[];
};

type Row = CallAggregateRow & { g: number; intent: string | null; day: string | null };

// grouping(intent, day): 3 = totals, 1 = per intent, 2 = per day.
const TOTAL = 3;
const BY_INTENT = 1;
const BY_DAY = 2;

/**
 * One agent's figures. The agent is looked up inside the scope first: an agent of another
 * workspace (or none at all) is NotFoundError, never data (seed defect 8). Deleted agents
 * still have their history.
 */
export async function getAgentPerformance(db: Db, scope: AnalyticsScope, agentId: string, range: TimeRange): Promise<AgentPerformance> {
  assertRange(range);
  if (!isUuid(agentId)) throw new NotFoundError('agent');
  const [agent] = await db.$queryRaw<{ id: string; workspace_id: string; name: string; deleted_at: Date | null }[]>`
    SELECT a.id::text AS id, a.workspace_id::text AS workspace_id, a.name, a.deleted_at
    FROM voice_agents a
    WHERE a.id = ${agentId}::uuid AND ${scopeCondition(scope, 'a.workspace_id')}`;
  if (!agent) throw new NotFoundError('agent');

  const { figures, topIntents, byDay } = rollupsEnabled()
    ? await fromRollups(db, scope, agent.workspace_id, agent.id, range)
    : await fromCalls(db, scope, agent.workspace_id, agent.id, range);

  return {
    range,
    agent: { id: agent.id, name: agent.name, deletedAt: agent.deleted_at },
    totalCalls: figures.total,
    completed: figures.completed,
    successRate: figures.successRate,
    avgDuration: figures.avgDuration,
    totalMinutes: figures.totalMinutes,
    avgResponseTime: figures.avgResponseTime,
    sentiment: figures.sentiment,
    counts: figures.counts,
    topIntents,
    callTrend: dailySeries(range, byDay, 0).map(({ date, value }) => ({ date, count: value })),
  };
}

type Parts = { figures: ReturnType<typeof callFigures>; topIntents: { intent: string; count: number }[]; byDay: Map<string, number> };

function byCountThenIntent(a: { intent: string; count: number }, b: { intent: string; count: number }): number {
  // Intents are grouped, so two rows never hold the same one: no tie to answer 0 for.
  // Stryker disable next-line EqualityOperator: for that same reason < and <= agree
  return b.count - a.count || (a.intent < b.intent ? -1 : 1);
}

/** The raw path: one scan of the agent's calls with grouping sets. */
async function fromCalls(db: Db, scope: AnalyticsScope, workspaceId: string, agentId: string, range: TimeRange): Promise<Parts> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT grouping(c.intent, c.day)::int AS g, c.intent, ${isoDate(Prisma.sql`c.day`)} AS day, ${CALL_AGGREGATES}
    FROM (
      SELECT c.*, ${localDate(Prisma.sql`c.started_at`, range.timeZone)} AS day
      FROM calls c
      WHERE ${scopeCondition(scope, 'c.workspace_id')} AND c.workspace_id = ${workspaceId}::uuid
        AND c.agent_id = ${agentId}::uuid AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)}
    ) c
    GROUP BY GROUPING SETS ((), (c.intent), (c.day))`;

  const figures = callFigures(rows.find((row) => row.g === TOTAL));
  const topIntents = rows
    // Stryker disable next-line ConditionalExpression: only grouping set 1 has a non-null intent (sets 2 and 3 group it away), so the g test adds nothing to the null test
    .filter((row) => row.g === BY_INTENT && row.intent !== null)
    .map((row) => ({ intent: row.intent!, count: row.total }))
    .sort(byCountThenIntent)
    .slice(0, 5);
  // Stryker disable next-line MethodExpression,ConditionalExpression,LogicalOperator: only grouping set 2 has a non-null day, and dailySeries looks up date strings only, so rows with a null day are never read
  const byDay = new Map(rows.filter((row) => row.g === BY_DAY && row.day !== null).map((row) => [row.day!, row.total]));

  return { figures, topIntents, byDay };
}

/**
 * From the rollups (call-source.ts): totals from the daily rollup of the agent, intents
 * from the daily intent rollup, the trend from the agent's 15-minute buckets (local
 * dates of buckets are those of their calls), each plus the raw calls of the edges.
 */
async function fromRollups(db: Db, scope: AnalyticsScope, workspaceId: string, agentId: string, range: TimeRange): Promise<Parts> {
  const options = { workspace: Prisma.sql`workspace_id = ${workspaceId}::uuid`, agentId };
  const [[total], intents, days] = await Promise.all([
    db.$queryRaw<CallAggregateRow[]>`SELECT ${ROLLUP_AGGREGATES} FROM ${callTotalsSource(scope, range.from, range.to, options)} s`,
    db.$queryRaw<{ intent: string; count: number }[]>`
      SELECT i.intent, sum(i.calls)::int AS count FROM ${callIntentSource(workspaceId, agentId, range.from, range.to)} i GROUP BY 1`,
    db.$queryRaw<{ day: string; count: number }[]>`
      SELECT ${isoDate(Prisma.sql`d.day`)} AS day, sum(d.calls)::int AS count
      FROM (SELECT ${localDate(Prisma.sql`b.bucket`, range.timeZone)} AS day, b.calls FROM ${callBucketSource(scope, range.from, range.to, options)} b) d
      GROUP BY d.day`,
  ]);
  const figures = callFigures(total);
  return { figures, topIntents: intents.sort(byCountThenIntent).slice(0, 5), byDay: new Map(days.map((d) => [d.day, d.count])) };
}
