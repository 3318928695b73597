import { Prisma } from '@/lib/db';
import { NO_AGENT } from '@/lib/db/rollups';
import { rollupsEnabled } from './rollup-mode';
import { scopeCondition, type AnalyticsScope } from './scope';
import { BUCKET_MS } from './usage-source';

/**
 * Where call figures are read from. The rollups of migration call_rollups hold exact
 * counts, sums, minima and maxima per UTC day or UTC 15-minute bucket; a range reads its
 * whole days (or buckets) from them and only its partial edges from calls, so every
 * figure equals the raw rows' (METRICS.md, "Rollups"). Whole UTC days serve figures that
 * are totals over the range, whatever its zone; figures per local hour or local day read
 * 15-minute buckets, whose local hour and date are those of every instant in them.
 */

const DAY_MS = 86_400_000;
const GRAIN_MS = { day: DAY_MS, bucket: BUCKET_MS } as const;
export type Grain = keyof typeof GRAIN_MS;
export type RangePart = { from: Date; to: Date; grain: Grain | 'raw' };

/**
 * `[from, to)` as whole units of the coarsest grain first, then of the finer grains, and
 * raw instants for whatever is left at either end. Grains are epoch-aligned in UTC, as
 * date_bin(…, TIMESTAMPTZ '2000-01-01 00:00:00+00') aligns the rollups.
 */
export function splitRange(from: Date, to: Date, grains: Grain[]): RangePart[] {
  if (from.getTime() >= to.getTime()) return [];
  if (!rollupsEnabled() || grains.length === 0) return [{ from, to, grain: 'raw' }];
  const [grain, ...finer] = grains as [Grain, ...Grain[]];
  const width = GRAIN_MS[grain];
  const wholeFrom = Math.ceil(from.getTime() / width) * width;
  const wholeTo = Math.floor(to.getTime() / width) * width;
  if (wholeFrom >= wholeTo) return splitRange(from, to, finer);
  return [
    ...splitRange(from, new Date(wholeFrom), finer),
    { from: new Date(wholeFrom), to: new Date(wholeTo), grain },
    ...splitRange(new Date(wholeTo), to, finer),
  ];
}

function union(parts: Prisma.Sql[], empty: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${parts.length ? Prisma.join(parts, ' UNION ALL ') : empty})`;
}

function within(column: string, part: RangePart): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(column)} >= ${part.from}::timestamptz AND ${Prisma.raw(column)} < ${part.to}::timestamptz`;
}

export type CallSourceOptions = {
  /** Further narrows the workspace, written against an unqualified `workspace_id`. */
  workspace?: Prisma.Sql;
  /** Only this agent's calls (a UUID the caller validated). */
  agentId?: string;
};

/**
 * The calls of a scope started in `[from, to)`, summed per workspace and agent, as a
 * subquery (alias it) with the columns of call_rollups: workspace_id, agent_id (null for
 * calls without agent), calls, one count per status, inbound, outbound, duration_sum,
 * duration_count, duration_max, duration_min, response_sum, response_count, positive,
 * neutral, negative, cost. Rows of one workspace and agent may repeat (one per part):
 * aggregate them.
 */
export function callTotalsSource(scope: AnalyticsScope, from: Date, to: Date, options: CallSourceOptions = {}): Prisma.Sql {
  const where = Prisma.sql`${scopeCondition(scope, 'workspace_id')} AND ${options.workspace ?? Prisma.sql`TRUE`}`;
  const parts = splitRange(from, to, ['day']).map((part) => {
    if (part.grain === 'raw') {
      return Prisma.sql`
        SELECT workspace_id, agent_id, count(*) AS calls,
               count(*) FILTER (WHERE status = 'queued') AS queued, count(*) FILTER (WHERE status = 'ringing') AS ringing,
               count(*) FILTER (WHERE status = 'in_progress') AS in_progress, count(*) FILTER (WHERE status = 'completed') AS completed,
               count(*) FILTER (WHERE status = 'failed') AS failed, count(*) FILTER (WHERE status = 'no_answer') AS no_answer,
               count(*) FILTER (WHERE status = 'busy') AS busy, count(*) FILTER (WHERE status = 'canceled') AS canceled,
               count(*) FILTER (WHERE direction = 'inbound') AS inbound, count(*) FILTER (WHERE direction = 'outbound') AS outbound,
               coalesce(sum(duration_seconds), 0) AS duration_sum, count(duration_seconds) AS duration_count,
               max(duration_seconds) AS duration_max, min(duration_seconds) AS duration_min,
               coalesce(sum(avg_response_ms), 0) AS response_sum, count(avg_response_ms) AS response_count,
               count(*) FILTER (WHERE sentiment = 'positive') AS positive, count(*) FILTER (WHERE sentiment = 'neutral') AS neutral,
               count(*) FILTER (WHERE sentiment = 'negative') AS negative, coalesce(sum(cost_total), 0) AS cost
        FROM calls
        WHERE ${where} AND ${within('started_at', part)}
          ${options.agentId === undefined ? Prisma.empty : Prisma.sql`AND agent_id = ${options.agentId}::uuid`}
        GROUP BY workspace_id, agent_id`;
    }
    return Prisma.sql`
      SELECT workspace_id, nullif(agent_key, ${NO_AGENT}::uuid) AS agent_id, calls::bigint, queued::bigint, ringing::bigint,
             in_progress::bigint, completed::bigint, failed::bigint, no_answer::bigint, busy::bigint, canceled::bigint,
             inbound::bigint, outbound::bigint, duration_sum, duration_count::bigint, duration_max, duration_min,
             response_sum, response_count::bigint, positive::bigint, neutral::bigint, negative::bigint, cost
      FROM call_rollups
      WHERE ${where} AND ${within('day', part)}
        ${options.agentId === undefined ? Prisma.empty : Prisma.sql`AND agent_key = ${options.agentId}::uuid`}`;
  });
  return union(parts, Prisma.sql`SELECT NULL::uuid AS workspace_id, NULL::uuid AS agent_id, 0::bigint AS calls, 0::bigint AS queued, 0::bigint AS ringing,
    0::bigint AS in_progress, 0::bigint AS completed, 0::bigint AS failed, 0::bigint AS no_answer, 0::bigint AS busy, 0::bigint AS canceled,
    0::bigint AS inbound, 0::bigint AS outbound, 0::bigint AS duration_sum, 0::bigint AS duration_count, NULL::int AS duration_max,
    NULL::int AS duration_min, 0::bigint AS response_sum, 0::bigint AS response_count, 0::bigint AS positive, 0::bigint AS neutral,
    0::bigint AS negative, 0::numeric AS cost WHERE FALSE`);
}

/**
 * The standard per-call aggregates of call-aggregates.ts (CALL_AGGREGATES: the same
 * names, types and arithmetic) over rows of callTotalsSource aliased `s`. Means are the
 * numeric division avg() itself performs, so the doubles are identical.
 */
export const ROLLUP_AGGREGATES = Prisma.sql`
  coalesce(sum(s.calls), 0)::int AS total,
  coalesce(sum(s.completed), 0)::int AS completed,
  coalesce(sum(s.failed), 0)::int AS failed,
  coalesce(sum(s.completed + s.failed + s.no_answer + s.busy + s.canceled), 0)::int AS terminal,
  coalesce(sum(s.duration_sum)::numeric / nullif(sum(s.duration_count), 0)::numeric, 0)::float8 AS avg_duration,
  coalesce(sum(s.duration_sum), 0)::float8 AS total_seconds,
  coalesce(sum(s.response_sum)::numeric / nullif(sum(s.response_count), 0)::numeric, 0)::float8 AS avg_response,
  coalesce(sum(s.duration_count), 0)::int AS timed,
  coalesce(sum(s.response_count), 0)::int AS responses,
  coalesce(sum(s.positive), 0)::int AS positive,
  coalesce(sum(s.neutral), 0)::int AS neutral,
  coalesce(sum(s.negative), 0)::int AS negative`;

/**
 * Calls per UTC 15-minute bucket of a scope in `[from, to)`: columns `bucket` and
 * `calls`, from call_bucket_rollups (or call_agent_bucket_rollups for one agent) and
 * the raw calls of the partial buckets at the ends.
 */
export function callBucketSource(scope: AnalyticsScope, from: Date, to: Date, options: CallSourceOptions = {}): Prisma.Sql {
  const where = Prisma.sql`${scopeCondition(scope, 'workspace_id')} AND ${options.workspace ?? Prisma.sql`TRUE`}`;
  const parts = splitRange(from, to, ['bucket']).map((part) => {
    if (part.grain === 'raw') {
      return Prisma.sql`
        SELECT date_bin('15 minutes', started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket, count(*) AS calls
        FROM calls
        WHERE ${where} AND ${within('started_at', part)}
          ${options.agentId === undefined ? Prisma.empty : Prisma.sql`AND agent_id = ${options.agentId}::uuid`}
        GROUP BY 1`;
    }
    if (options.agentId !== undefined) {
      return Prisma.sql`
        SELECT bucket_start AS bucket, calls::bigint FROM call_agent_bucket_rollups
        WHERE ${where} AND agent_key = ${options.agentId}::uuid AND ${within('bucket_start', part)}`;
    }
    return Prisma.sql`SELECT bucket_start AS bucket, calls::bigint FROM call_bucket_rollups WHERE ${where} AND ${within('bucket_start', part)}`;
  });
  return union(parts, Prisma.sql`SELECT NULL::timestamptz AS bucket, 0::bigint AS calls WHERE FALSE`);
}

/** An agent's calls with an intent in `[from, to)`, as rows (intent, calls) to be summed per intent. */
export function callIntentSource(workspaceId: string, agentId: string, from: Date, to: Date): Prisma.Sql {
  const parts = splitRange(from, to, ['day']).map((part) =>
    part.grain === 'raw'
      ? Prisma.sql`
          SELECT intent, count(*) AS calls FROM calls
          WHERE workspace_id = ${workspaceId}::uuid AND agent_id = ${agentId}::uuid AND intent IS NOT NULL AND ${within('started_at', part)}
          GROUP BY 1`
      : Prisma.sql`
          SELECT intent, calls::bigint FROM call_intent_rollups
          WHERE workspace_id = ${workspaceId}::uuid AND agent_key = ${agentId}::uuid AND ${within('day', part)}`,
  );
  return union(parts, Prisma.sql`SELECT NULL::text AS intent, 0::bigint AS calls WHERE FALSE`);
}

/**
 * Calls of every workspace in `[from, to)` per voice provider (null when none) and
 * status: columns provider, status, calls. From platform_call_rollups and the raw calls
 * of the partial days at the ends.
 */
export function platformCallSource(from: Date, to: Date): Prisma.Sql {
  const parts = splitRange(from, to, ['day']).map((part) =>
    part.grain === 'raw'
      ? Prisma.sql`
          SELECT voice_provider_used AS provider, status, count(*) AS calls FROM calls
          WHERE ${within('started_at', part)} GROUP BY 1, 2`
      : Prisma.sql`
          SELECT nullif(provider, '') AS provider, status, calls::bigint FROM platform_call_rollups WHERE ${within('day', part)}`,
  );
  return union(parts, Prisma.sql`SELECT NULL::text AS provider, NULL::call_status AS status, 0::bigint AS calls WHERE FALSE`);
}

/**
 * Usage of every workspace created in `[from, to)` per provider: columns provider,
 * total_cost, final_cost. Whole UTC days from platform_usage_rollups, whole buckets of
 * the partial days from usage_rollups, the rest from usage_records.
 */
export function platformUsageSource(from: Date, to: Date): Prisma.Sql {
  const parts = splitRange(from, to, ['day', 'bucket']).map((part) =>
    part.grain === 'raw'
      ? Prisma.sql`SELECT provider, sum(total_cost) AS total_cost, sum(final_cost) AS final_cost FROM usage_records WHERE ${within('created_at', part)} GROUP BY 1`
      : part.grain === 'bucket'
        ? Prisma.sql`SELECT provider, sum(total_cost) AS total_cost, sum(final_cost) AS final_cost FROM usage_rollups WHERE ${within('bucket_start', part)} GROUP BY 1`
        : Prisma.sql`SELECT provider, total_cost, final_cost FROM platform_usage_rollups WHERE ${within('day', part)}`,
  );
  return union(parts, Prisma.sql`SELECT NULL::text AS provider, 0::numeric AS total_cost, 0::numeric AS final_cost WHERE FALSE`);
}
