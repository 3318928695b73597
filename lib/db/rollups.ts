/**
 * Every rollup as the aggregation of the raw table it summarises: the one definition the
 * seed's bulk rebuild, `npm run db:rollups -- --verify` and `--rebuild` use. The triggers
 * of the migrations (usage_rollups, call_rollups) keep the same sums incrementally; the
 * tests compare both (tests/analytics/call-rollups.test.ts).
 *
 * These are fixed SQL texts, not built from input: the only value that varies, a
 * workspace id, is a bound parameter ($1).
 */

const ORIGIN = `TIMESTAMPTZ '2000-01-01 00:00:00+00'`;
/** The agent key of calls without an agent (a key column cannot be null). */
export const NO_AGENT = '00000000-0000-0000-0000-000000000000';
const STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'];

export type RollupDefinition = {
  table: string;
  /** The raw table it summarises. */
  source: 'calls' | 'usage_records';
  keys: string[];
  measures: string[];
  /** Keyed by workspace: rebuilt one workspace per transaction. Else rebuilt in one. */
  perWorkspace: boolean;
  /** SELECT keys..., measures... of the raw rows matching `where` (on alias c / u). */
  select(where: string): string;
  /**
   * The same rows from a rollup listed before this one, for a full rebuild right after it
   * (the seed): cheaper than aggregating the raw table again.
   */
  fromEarlierRollup?: string;
};

function aggregate(table: string, from: string, keys: [string, string][], measures: [string, string][], filter = 'TRUE'): (where: string) => string {
  const n = keys.map((_, i) => i + 1).join(', ');
  return (where) => `
    SELECT ${[...keys, ...measures].map(([name, expr]) => `${expr} AS "${name}"`).join(', ')}
    FROM ${from}
    WHERE (${where}) AND ${filter}
    GROUP BY ${n}
    ORDER BY ${n}`;
}

function definition(table: string, source: RollupDefinition['source'], keys: [string, string][], measures: [string, string][], perWorkspace: boolean, filter?: string): RollupDefinition {
  const from = source === 'calls' ? 'calls c' : 'usage_records u';
  return { table, source, keys: keys.map(([k]) => k), measures: measures.map(([m]) => m), perWorkspace, select: aggregate(table, from, keys, measures, filter) };
}

const callDay = `date_bin('1 day', c.started_at, ${ORIGIN})`;
const agentKey = `coalesce(c.agent_id, '${NO_AGENT}'::uuid)`;

export const ROLLUPS: RollupDefinition[] = [
  definition('usage_rollups', 'usage_records',
    [['workspace_id', 'u.workspace_id'], ['bucket_start', `date_bin('15 minutes', u.created_at, ${ORIGIN})`], ['provider', 'u.provider'], ['usage_type', 'u.usage_type']],
    [['record_count', 'count(*)::int'], ['quantity', 'sum(u.quantity)'], ['total_cost', 'sum(u.total_cost)'], ['final_cost', 'sum(u.final_cost)']],
    true),
  {
    ...definition('usage_hour_rollups', 'usage_records',
      [['workspace_id', 'u.workspace_id'], ['hour_start', `date_bin('1 hour', u.created_at, ${ORIGIN})`], ['provider', 'u.provider'], ['usage_type', 'u.usage_type']],
      [['record_count', 'count(*)::int'], ['quantity', 'sum(u.quantity)'], ['total_cost', 'sum(u.total_cost)'], ['final_cost', 'sum(u.final_cost)']],
      true),
    // Four quarter hours make an hour (both grids start at ORIGIN): sums of sums are exact.
    fromEarlierRollup: `
      SELECT r.workspace_id, date_bin('1 hour', r.bucket_start, ${ORIGIN}), r.provider, r.usage_type,
             sum(r.record_count)::int, sum(r.quantity), sum(r.total_cost), sum(r.final_cost)
      FROM usage_rollups r
      GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4`,
  },
  definition('call_rollups', 'calls',
    [['workspace_id', 'c.workspace_id'], ['day', callDay], ['agent_key', agentKey]],
    [
      ['calls', 'count(*)::int'],
      ...STATUSES.map((s): [string, string] => [s, `(count(*) FILTER (WHERE c.status = '${s}'))::int`]),
      ['inbound', `(count(*) FILTER (WHERE c.direction = 'inbound'))::int`],
      ['outbound', `(count(*) FILTER (WHERE c.direction = 'outbound'))::int`],
      ['duration_sum', 'coalesce(sum(c.duration_seconds), 0)::bigint'],
      ['duration_count', 'count(c.duration_seconds)::int'],
      ['duration_max', 'max(c.duration_seconds)'],
      ['duration_min', 'min(c.duration_seconds)'],
      ['response_sum', 'coalesce(sum(c.avg_response_ms), 0)::bigint'],
      ['response_count', 'count(c.avg_response_ms)::int'],
      ...['positive', 'neutral', 'negative'].map((s): [string, string] => [s, `(count(*) FILTER (WHERE c.sentiment = '${s}'))::int`]),
      ['cost', 'coalesce(sum(c.cost_total), 0)::numeric(18,6)'],
    ],
    true),
  definition('call_agent_bucket_rollups', 'calls',
    [['workspace_id', 'c.workspace_id'], ['agent_key', agentKey], ['bucket_start', `date_bin('15 minutes', c.started_at, ${ORIGIN})`]],
    [['calls', 'count(*)::int']],
    true),
  {
    ...definition('call_bucket_rollups', 'calls',
      [['workspace_id', 'c.workspace_id'], ['bucket_start', `date_bin('15 minutes', c.started_at, ${ORIGIN})`]],
      [['calls', 'count(*)::int']],
      true),
    // Every call has exactly one agent key (the nil UUID for none): summed over agents, a
    // bucket's calls per agent are its calls.
    fromEarlierRollup: `
      SELECT r.workspace_id, r.bucket_start, sum(r.calls)::int FROM call_agent_bucket_rollups r
      GROUP BY 1, 2
      ORDER BY 1, 2`,
  },
  definition('call_intent_rollups', 'calls',
    [['workspace_id', 'c.workspace_id'], ['day', callDay], ['agent_key', agentKey], ['intent', 'c.intent']],
    [['calls', 'count(*)::int']],
    true, 'c.intent IS NOT NULL'),
  definition('platform_call_rollups', 'calls',
    [['day', callDay], ['provider', `coalesce(c.voice_provider_used, '')`], ['status', 'c.status']],
    [['calls', 'count(*)::int']],
    false),
  {
    ...definition('platform_usage_rollups', 'usage_records',
      [['day', `date_bin('1 day', u.created_at, ${ORIGIN})`], ['provider', 'u.provider']],
      [['record_count', 'count(*)::int'], ['total_cost', 'sum(u.total_cost)'], ['final_cost', 'sum(u.final_cost)']],
      false),
    // Hours nest in UTC days (both grids start at ORIGIN): sums of the hours are exact.
    fromEarlierRollup: `
      SELECT date_bin('1 day', r.hour_start, ${ORIGIN}), r.provider, sum(r.record_count)::int, sum(r.total_cost), sum(r.final_cost)
      FROM usage_hour_rollups r
      GROUP BY 1, 2
      ORDER BY 1, 2`,
  },
];

/** The statement-level insert triggers, which a bulk load disables and replaces by rebuildAll. */
export const INSERT_TRIGGERS: { table: 'calls' | 'usage_records'; trigger: string }[] = [
  { table: 'usage_records', trigger: 'usage_rollups_insert' },
  { table: 'usage_records', trigger: 'usage_hour_rollups_insert' },
  { table: 'usage_records', trigger: 'platform_usage_rollups_insert' },
  { table: 'calls', trigger: 'call_rollups_insert' },
];

/** INSERT of a rollup's whole aggregation (`where` narrows the raw rows). */
export function insertAggregateSql(rollup: RollupDefinition, where = 'TRUE'): string {
  const columns = [...rollup.keys, ...rollup.measures].map((c) => `"${c}"`).join(', ');
  return `INSERT INTO ${rollup.table} (${columns}) ${rollup.select(where)}`;
}

/** INSERT of a whole rollup, from the earlier rollup it derives from where it has one (every rollup rebuilt in ROLLUPS order). */
export function insertRebuildAllSql(rollup: RollupDefinition): string {
  if (!rollup.fromEarlierRollup) return insertAggregateSql(rollup);
  const columns = [...rollup.keys, ...rollup.measures].map((c) => `"${c}"`).join(', ');
  return `INSERT INTO ${rollup.table} (${columns}) ${rollup.fromEarlierRollup}`;
}

/**
 * The rows where a rollup and the aggregation of its raw table differ: `missing` (in the
 * aggregation, not in the rollup, or with other sums) and `extra` (the other way round).
 */
export function differenceSql(rollup: RollupDefinition, limit: number): string {
  const columns = [...rollup.keys, ...rollup.measures].map((c) => `"${c}"`).join(', ');
  const keys = rollup.keys.map((c) => `"${c}"::text`).join(` || ' ' || `);
  return `
    WITH raw AS (${rollup.select('TRUE')}), rollup AS (SELECT ${columns} FROM ${rollup.table}),
    diff AS (
      SELECT 'missing' AS side, d.* FROM (SELECT * FROM raw EXCEPT SELECT * FROM rollup) d
      UNION ALL
      SELECT 'extra', d.* FROM (SELECT * FROM rollup EXCEPT SELECT * FROM raw) d
    )
    SELECT count(*) OVER ()::int AS total, side, ${keys} AS key, row_to_json(diff)::text AS row
    FROM diff ORDER BY key, side LIMIT ${Math.max(1, Math.floor(limit))}`;
}
