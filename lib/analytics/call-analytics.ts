import { Prisma, type Db } from '@/lib/db';
import { CALL_DIRECTIONS, CALL_STATUSES, callFilterCondition, type CallDirection, type CallFilters, type CallStatus } from './filters';
import { assertRange, type TimeRange } from './range';
import { isUuid, isWorkspaceScope, scopeCondition, type AnalyticsScope } from './scope';
import { hourlySeries, percent } from './series';
import { callBucketSource, callTotalsSource } from './call-source';
import { rollupsEnabled } from './rollup-mode';
import { inRange, localHour, money, TERMINAL } from './sql';

export type AgentLeaderboardRow = {
  /** null for calls that never had an agent. */
  agentId: string | null;
  /** The agent's name, deleted agents included (lib/agents/label.ts); null when the row is missing. */
  agentName: string | null;
  /** The agent was deleted since; its calls still count and it keeps its name, marked "deleted". */
  agentDeleted: boolean;
  count: number;
  completed: number;
  /** Calls that ended (the success rate's denominator); 0 means the rate has no data (shown —). */
  terminal: number;
  successRate: number;
  totalMinutes: number;
  /** Billed cost, sum of calls.cost_total, decimal string. */
  cost: string;
};

export type CallAnalytics = {
  range: TimeRange;
  filters: CallFilters;
  totalCalls: number;
  completed: number;
  successRate: number;
  totalMinutes: number;
  /** Every status and direction, 0 included. */
  callsByStatus: Record<CallStatus, number>;
  callsByDirection: Record<CallDirection, number>;
  /** Ordered by calls desc, then agent name asc (unnamed last), then id. */
  callsByAgent: AgentLeaderboardRow[];
  /** 24 local hours of started_at in range.timeZone. */
  callsByHour: { hour: number; count: number }[];
  avgDuration: number;
  /** Seconds; null when no call has a duration. */
  longestCall: number | null;
  shortestCall: number | null;
};

type Row = {
  g: number;
  status: CallStatus | null;
  direction: CallDirection | null;
  agent_id: string | null;
  agent_name: string | null;
  agent_deleted: boolean | null;
  workspace_id: string | null;
  calls: number;
  completed: number;
  terminal: number;
  total_seconds: number;
  avg_duration: number;
  longest: number | null;
  shortest: number | null;
  cost: string;
  /** On the total row of the rollup path: the status and direction breakdowns. */
  by_status?: Record<CallStatus, number>;
  by_direction?: Record<CallDirection, number>;
};

// grouping(status, direction, agent_id, workspace_id): which grouping set a row belongs to.
const TOTAL = 0b1111;
const BY_STATUS = 0b0111;
const BY_DIRECTION = 0b1011;
const BY_AGENT = 0b1100;

/**
 * Call breakdowns of one page. The filters narrow the calls once, in the inner query,
 * so every breakdown sees the same calls (seed defect 1); one scan feeds all of them.
 */
export async function getCallAnalytics(db: Db, scope: AnalyticsScope, range: TimeRange, filters: CallFilters = {}): Promise<CallAnalytics> {
  assertRange(range);
  const filter = callFilterCondition(filters, range.timeZone);
  // The agent's workspace must be the call's (see the join below). In a workspace scope
  // that is the scope's workspace: grouping by it as a column too makes PostgreSQL
  // estimate tens of thousands of groups instead of a few hundred, and sort every call
  // (measured 115 ms against 40 ms for a year of the largest workspace).
  const workspace =
    isWorkspaceScope(scope) && isUuid(scope.workspaceId)
      ? { column: Prisma.sql`${scope.workspaceId}::uuid`, groupBy: Prisma.empty }
      : { column: Prisma.sql`c.workspace_id`, groupBy: Prisma.sql`, c.workspace_id` };
  const calls = Prisma.sql`
    FROM calls c
    WHERE ${scopeCondition(scope, 'c.workspace_id')} AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)} AND ${filter}`;
  // Two queries over the same calls, run side by side (two connections on PostgreSQL):
  // the breakdowns that need no time, and the local-hour histogram. Both aggregate in two
  // levels: the calls are first summed per (status, direction, agent), a few hundred
  // rows, or per UTC 15-minute bucket; only those buckets are converted to local hours,
  // not every call (per-row time-zone conversion cost more than the whole scan), and the
  // grouping sets roll up the small first level instead of sorting every call.
  // 15-minute buckets keep local hours exact in :30/:45 zones.
  async function fromCalls(): Promise<[Row[], { hour: number; calls: number }[]]> {
    return Promise.all([
    db.$queryRaw<Row[]>`
      SELECT s.*, a.name AS agent_name, (a.deleted_at IS NOT NULL) AS agent_deleted
      FROM (
        SELECT grouping(p.status, p.direction, p.agent_id, p.workspace_id)::int AS g,
               p.status::text AS status, p.direction::text AS direction, p.agent_id::text AS agent_id,
               p.workspace_id,
               sum(p.calls)::int AS calls,
               sum(p.completed)::int AS completed,
               sum(p.terminal)::int AS terminal,
               coalesce(sum(p.total_seconds), 0)::float8 AS total_seconds,
               coalesce(sum(p.total_seconds)::float8 / nullif(sum(p.timed), 0), 0) AS avg_duration,
               max(p.longest) AS longest,
               min(p.shortest) AS shortest,
               ${money(Prisma.sql`sum(p.cost)`)} AS cost
        FROM (
          SELECT c.status, c.direction, c.agent_id, ${workspace.column} AS workspace_id,
                 count(*) AS calls,
                 count(*) FILTER (WHERE c.status = 'completed') AS completed,
                 count(*) FILTER (WHERE c.status IN ${TERMINAL}) AS terminal,
                 sum(c.duration_seconds) AS total_seconds,
                 count(c.duration_seconds) AS timed,
                 max(c.duration_seconds) AS longest,
                 min(c.duration_seconds) AS shortest,
                 sum(c.cost_total) AS cost
          ${calls}
          GROUP BY c.status, c.direction, c.agent_id${workspace.groupBy}
        ) p
        GROUP BY GROUPING SETS ((), (p.status), (p.direction), (p.agent_id, p.workspace_id))
      ) s
      -- Both id and workspace: an agent id never resolves to another workspace's agent.
      -- Deleted agents keep their calls and their name, marked deleted (METRICS.md).
      LEFT JOIN voice_agents a ON s.g = ${Prisma.raw(String(BY_AGENT))} AND a.id = s.agent_id::uuid AND a.workspace_id = s.workspace_id`,
    db.$queryRaw<{ hour: number; calls: number }[]>`
      SELECT ${localHour(Prisma.sql`b.bucket`, range.timeZone)} AS hour, sum(b.calls)::int AS calls
      FROM (
        SELECT date_bin('15 minutes', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket, count(*) AS calls
        ${calls}
        GROUP BY 1
      ) b
      GROUP BY 1`,
  ]);
  }

  // Unfiltered, or filtered by agent only: every breakdown from the call rollups (whole UTC
  // days per workspace and agent, whole 15-minute buckets for the hours) plus the raw
  // calls of the partial edges (call-source.ts). Any other filter reads the calls.
  const onlyAgent = Object.keys(filters).every((key) => key === 'agentId' || filters[key as keyof CallFilters] === undefined);
  const [rows, hourRows] = rollupsEnabled() && onlyAgent ? await fromRollups(db, scope, range, filters.agentId) : await fromCalls();
  const total = rows.find((row) => row.g === TOTAL);
  const callsByStatus = Object.fromEntries(CALL_STATUSES.map((status) => [status, total?.by_status?.[status] ?? 0])) as Record<CallStatus, number>;
  const callsByDirection = Object.fromEntries(CALL_DIRECTIONS.map((direction) => [direction, total?.by_direction?.[direction] ?? 0])) as Record<CallDirection, number>;
  const hours = new Map(hourRows.map((row) => [row.hour, row.calls]));
  const callsByAgent: AgentLeaderboardRow[] = [];
  // In the platform scope several workspaces each have a row for calls without agent:
  // ordered by workspace id among themselves, so the leaderboard order never depends on
  // the order the database happens to return rows in.
  rows.sort((a, b) => compareNullsLast(a.workspace_id, b.workspace_id));
  for (const row of rows) {
    // Rows of the status (direction) grouping set always carry one: calls.status and calls.direction are NOT NULL.
    if (row.g === BY_STATUS) callsByStatus[row.status!] = row.calls;
    else if (row.g === BY_DIRECTION) callsByDirection[row.direction!] = row.calls;
    else if (row.g === BY_AGENT) {
      callsByAgent.push({
        agentId: row.agent_id,
        agentName: row.agent_name,
        agentDeleted: row.agent_deleted === true,
        count: row.calls,
        completed: row.completed,
        terminal: row.terminal,
        successRate: percent(row.completed, row.terminal),
        totalMinutes: row.total_seconds / 60,
        cost: row.cost,
      });
    }
  }
  callsByAgent.sort(byLeaderboardOrder); // stable: equal rows keep the workspace order

  return {
    range,
    filters,
    totalCalls: total?.calls ?? 0,
    completed: total?.completed ?? 0,
    successRate: percent(total?.completed ?? 0, total?.terminal ?? 0),
    totalMinutes: (total?.total_seconds ?? 0) / 60,
    callsByStatus,
    callsByDirection,
    callsByAgent,
    callsByHour: hourlySeries(hours),
    avgDuration: total?.avg_duration ?? 0,
    longestCall: total?.longest ?? null,
    shortestCall: total?.shortest ?? null,
  };
}

function byLeaderboardOrder(a: AgentLeaderboardRow, b: AgentLeaderboardRow): number {
  return b.count - a.count || compareNullsLast(a.agentName, b.agentName) || compareNullsLast(a.agentId, b.agentId);
}

function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  // Stryker disable next-line EqualityOperator: a === b returned 0 above
  return a < b ? -1 : 1;
}

/**
 * The rows of getCallAnalytics from the rollups, in the shapes the raw path returns: one
 * total row (with the status and direction breakdowns) and one row per agent; and the
 * calls per local hour.
 */
async function fromRollups(db: Db, scope: AnalyticsScope, range: TimeRange, agentId: string | undefined): Promise<[Row[], { hour: number; calls: number }[]]> {
  const options = { agentId };
  return Promise.all([
    db.$queryRaw<Row[]>`
      SELECT s.*, a.name AS agent_name, (a.deleted_at IS NOT NULL) AS agent_deleted
      FROM (
        SELECT CASE WHEN grouping(s.agent_id, s.workspace_id) = 0 THEN ${Prisma.raw(String(BY_AGENT))} ELSE ${Prisma.raw(String(TOTAL))} END AS g,
               NULL::text AS status, NULL::text AS direction, s.agent_id::text AS agent_id, s.workspace_id,
               sum(s.calls)::int AS calls,
               sum(s.completed)::int AS completed,
               sum(s.completed + s.failed + s.no_answer + s.busy + s.canceled)::int AS terminal,
               coalesce(sum(s.duration_sum), 0)::float8 AS total_seconds,
               coalesce(sum(s.duration_sum)::float8 / nullif(sum(s.duration_count), 0), 0) AS avg_duration,
               max(s.duration_max) AS longest,
               min(s.duration_min) AS shortest,
               ${money(Prisma.sql`sum(s.cost)`)} AS cost,
               json_build_object(
                 'queued', sum(s.queued)::int, 'ringing', sum(s.ringing)::int, 'in_progress', sum(s.in_progress)::int,
                 'completed', sum(s.completed)::int, 'failed', sum(s.failed)::int, 'no_answer', sum(s.no_answer)::int,
                 'busy', sum(s.busy)::int, 'canceled', sum(s.canceled)::int) AS by_status,
               json_build_object('inbound', sum(s.inbound)::int, 'outbound', sum(s.outbound)::int) AS by_direction
        FROM ${callTotalsSource(scope, range.from, range.to, options)} s
        GROUP BY GROUPING SETS ((), (s.agent_id, s.workspace_id))
        -- The raw path has no total row when no call matches; nor has this one.
        HAVING grouping(s.agent_id, s.workspace_id) = 0 OR count(*) > 0
      ) s
      LEFT JOIN voice_agents a ON s.g = ${Prisma.raw(String(BY_AGENT))} AND a.id = s.agent_id::uuid AND a.workspace_id = s.workspace_id`,
    db.$queryRaw<{ hour: number; calls: number }[]>`
      SELECT ${localHour(Prisma.sql`b.bucket`, range.timeZone)} AS hour, sum(b.calls)::int AS calls
      FROM ${callBucketSource(scope, range.from, range.to, options)} b
      GROUP BY 1`,
  ]);
}
