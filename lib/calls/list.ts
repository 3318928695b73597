import { Prisma, type Db } from '@/lib/db';
import { assertRange, scopeCondition, type CallDirection, type CallFilters, type CallStatus, type Sentiment, type TimeRange, type WorkspaceScope } from '@/lib/analytics';
import { callFilterCondition } from '@/lib/analytics/filters';
import { inRange } from '@/lib/analytics/sql';
import { encodeCallCursor, type CallCursor, type CallSort, type SortOrder } from './cursor';

export type CallListRow = {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  agentId: string | null;
  /** null when the call has no agent or its agent row is gone. */
  agentName: string | null;
  agentDeleted: boolean;
  callerNumber: string | null;
  direction: CallDirection;
  status: CallStatus;
  durationSeconds: number | null;
  /** Billed cost of the call (calls.cost_total), decimal string. */
  cost: string;
  sentiment: Sentiment | null;
  provider: string | null;
  intent: string | null;
};

export type CallListPage = {
  items: CallListRow[];
  nextCursor: string | null;
  /** Calls in the range after filters, all pages. */
  total: number;
  /** Calls before this page in the sort order: the page shows offset+1 … offset+items. */
  offset: number;
};

export type CallListOptions = {
  filters: CallFilters;
  sort: CallSort;
  order: SortOrder;
  limit: number;
  cursor: CallCursor | null;
};

// Sort keys come from this allow-list only. Duration is nullable; -1 orders "no duration"
// last when descending and first when ascending, and keeps the keyset comparison total.
const SORT_KEYS: Record<CallSort, Prisma.Sql> = {
  started_at: Prisma.sql`c.started_at`,
  duration: Prisma.sql`coalesce(c.duration_seconds, -1)`,
  cost: Prisma.sql`c.cost_total`,
};

function cursorValue(cursor: CallCursor): Prisma.Sql {
  if (cursor.sort === 'started_at') return Prisma.sql`${new Date(cursor.value)}::timestamptz`;
  if (cursor.sort === 'duration') return Prisma.sql`${cursor.value}::int`;
  return Prisma.sql`${cursor.value}::numeric`;
}

type Row = {
  id: string;
  started_at: Date;
  ended_at: Date | null;
  agent_id: string | null;
  agent_name: string | null;
  agent_deleted: boolean;
  caller_number: string | null;
  direction: CallDirection;
  status: CallStatus;
  duration_seconds: number | null;
  cost: string;
  sentiment: Sentiment | null;
  provider: string | null;
  intent: string | null;
};

/**
 * One page of a workspace's calls in a range, after filters, by keyset pagination on
 * (sort key, id): stable under concurrent inserts and as fast on page 1000 as on page 1.
 */
export async function listCalls(db: Db, scope: WorkspaceScope, range: TimeRange, options: CallListOptions): Promise<CallListPage> {
  assertRange(range);
  const key = SORT_KEYS[options.sort];
  const descending = options.order === 'desc';
  const direction = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const after = options.cursor
    ? descending
      ? Prisma.sql`(${key}, c.id) < (${cursorValue(options.cursor)}, ${options.cursor.id}::uuid)`
      : Prisma.sql`(${key}, c.id) > (${cursorValue(options.cursor)}, ${options.cursor.id}::uuid)`
    : Prisma.sql`TRUE`;

  const where = Prisma.sql`${scopeCondition(scope, 'c.workspace_id')}
      AND ${inRange(Prisma.sql`c.started_at`, range.from, range.to)}
      AND ${callFilterCondition(options.filters, range.timeZone)}`;
  const rowsQuery = db.$queryRaw<Row[]>`
    SELECT c.id::text AS id, c.started_at, c.ended_at, c.agent_id::text AS agent_id,
           a.name AS agent_name, (a.deleted_at IS NOT NULL) AS agent_deleted,
           c.caller_number, c.direction::text AS direction, c.status::text AS status,
           c.duration_seconds, round(c.cost_total, 6)::text AS cost, c.sentiment::text AS sentiment,
           c.voice_provider_used AS provider, c.intent
    FROM calls c
    LEFT JOIN voice_agents a ON a.id = c.agent_id AND a.workspace_id = c.workspace_id
    WHERE ${where} AND ${after}
    ORDER BY ${key} ${direction}, c.id ${direction}
    LIMIT ${options.limit + 1}`;
  // The page's place in the whole list, for "51–100 of 2,665": one count over the same
  // conditions, split by the cursor's keyset comparison.
  const countQuery = db.$queryRaw<{ total: number; before: number }[]>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE NOT (${after})))::int AS before
    FROM calls c
    WHERE ${where}`;
  const [rows, [counts]] = await Promise.all([rowsQuery, countQuery]);

  const items = rows.slice(0, options.limit).map(toListRow);
  const last = items.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCallCursor(cursorFor(options, last)) : null;
  return { items, nextCursor, total: counts!.total, offset: counts!.before };
}

function cursorFor({ sort, order }: CallListOptions, row: CallListRow): CallCursor {
  if (sort === 'started_at') return { sort, order, id: row.id, value: row.startedAt.toISOString() };
  if (sort === 'duration') return { sort, order, id: row.id, value: row.durationSeconds ?? -1 };
  return { sort, order, id: row.id, value: row.cost };
}

function toListRow(row: Row): CallListRow {
  return {
    id: row.id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    agentId: row.agent_id,
    agentName: row.agent_name,
    agentDeleted: row.agent_deleted === true,
    callerNumber: row.caller_number,
    direction: row.direction,
    status: row.status,
    durationSeconds: row.duration_seconds,
    cost: row.cost,
    sentiment: row.sentiment,
    provider: row.provider,
    intent: row.intent,
  };
}
