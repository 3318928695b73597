import { createHash } from 'node:crypto';
import { Prisma, type Db } from '@/lib/db';
import type { CallUpsertCommand, IngestEvent, IngestResult, IngestTarget, UsageRecordCommand } from './commands';
import { mergeCall, projectCall, sameState, type CallState } from './merge';
import { billedFromCost, fixed6, sumMoney } from './money';

export type IngestOptions = {
  /** Serialization failures / deadlocks retried this many times before giving up (default 5). */
  maxRetries?: number;
  /** Test hook: called between writes inside the transaction (throw to simulate a crash). */
  onStep?: (step: IngestStep) => void | Promise<void>;
  /** Called before each retry (tests count them; the default logs a warning). */
  onRetry?: (error: unknown, attempt: number) => void;
};

export type IngestStep = 'dedupe' | 'agents' | 'calls' | 'usage' | 'cost';

type Tx = Prisma.TransactionClient;

/**
 * THE write path of ingestion. Writes `events` into `target.workspaceId` in ONE
 * transaction, together with the usage rollups (triggers) and calls.cost_total:
 * - dedupe on (workspace, eventId) with INSERT … ON CONFLICT in the same transaction:
 *   same id + same payloadHash → 'duplicate' (nothing changes), different hash → 'rejected'
 *   with field `id` (the caller answers 409 for a single bare event);
 * - agents created on first sight by (workspace, source, externalId);
 * - calls merged field by field (merge.ts) under per-call locks taken in key order;
 * - usage lines inserted, or replaced by lineKey; billed price = `billed` or
 *   cost × tier markup (half-even, 6 places); calls.cost_total = sum of their final_cost.
 * Returns one result per event, in input order. Either everything accepted is written or
 * (on a thrown error) nothing is. Serialization failures and deadlocks are retried.
 * Events must already be validated (shape, time window); commands that still cannot be
 * written are 'rejected' per event, never failing the others.
 *
 * Lock order, so that concurrent batches cannot deadlock: first one advisory lock per
 * workspace, so the batches of one workspace are written one after another. Sorting each
 * statement's rows is not enough within a workspace: usage of an already-written call
 * changes that call's cost, and so its call_rollups row, after the batch's call rows and
 * the platform rollups were taken, so batches [update X, usage of Y] and [update Y, usage
 * of X] met in opposite orders and deadlocked (tests/ingest/concurrency.test.ts). Batches
 * of one workspace touch the same few rollup rows anyway (same days, agents, buckets), so
 * they were serialised by those rows already. Then, within the transaction: ingest_events
 * keys (sorted) → voice_agents keys (sorted) → one advisory lock per call key (sorted;
 * they keep the connectors' reads of a call consistent) → usage_rollups rows (sorted, one
 * statement) → rows of those calls and their usage. Across workspaces only the platform
 * rollups are shared, and every statement takes them sorted, in the same order of tables.
 */
export async function ingestEvents(db: Db, target: IngestTarget, events: readonly IngestEvent[], options: IngestOptions = {}): Promise<IngestResult[]> {
  const maxRetries = options.maxRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeBatch(tx, target, events, options), { maxWait: 10_000, timeout: 120_000 });
    } catch (error) {
      if (attempt >= maxRetries || !isRetryable(error)) throw error;
      if (options.onRetry) options.onRetry(error, attempt + 1);
      else console.warn(`[ingest] retrying a batch of ${events.length} after a serialization failure or deadlock (attempt ${attempt + 1}):`, (error as Error).message);
      // Back off a little, with jitter, so the contenders do not meet again at once.
      // Stryker disable next-line ArithmeticOperator: the back-off's length, which no answer depends on
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/** 40001 serialization_failure, 40P01 deadlock_detected (however the driver adapter wraps them). */
export function isRetryable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    // Stryker disable next-line ConditionalExpression: a primitive has no code, message or cause to find, so walking it returns false too
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (o.code === '40001' || o.code === '40P01' || o.code === 'P2034') return true;
    if (typeof o.message === 'string' && /\b(40001|40P01)\b|deadlock detected|could not serialize access/.test(o.message)) return true;
    return walk(o.cause) || walk(o.meta) || walk(o.originalError);
  };
  return walk(error);
}

type Accepted = { index: number; event: IngestEvent };

async function writeBatch(tx: Tx, target: IngestTarget, events: readonly IngestEvent[], options: IngestOptions): Promise<IngestResult[]> {
  const { workspaceId, source } = target;
  // Stryker disable next-line ArrayDeclaration: every index is assigned below, so the array ends events.length long either way
  const results: (IngestResult | undefined)[] = new Array(events.length);
  // Stryker disable next-line StringLiteral: only concurrent batches need this lock: tests/ingest/concurrency.test.ts, left out of the run for its 16 s, deadlocks without it
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(${workspaceLockId(workspaceId)})`);

  // Repeats of an id inside the batch: the first occurrence speaks for the id.
  const firstIndex = new Map<string, number>();
  const repeats: number[] = [];
  events.forEach((event, index) => {
    if (firstIndex.has(event.eventId)) repeats.push(index);
    else firstIndex.set(event.eventId, index);
  });

  // 1. Dedupe: claim every new id in this transaction (sorted), then classify the rest.
  // Stryker disable next-line MethodExpression: the INSERT orders its rows itself (ORDER BY event_id) and results go by index
  const unique = [...firstIndex.values()].map((i) => events[i]!).sort((a, b) => cmp(a.eventId, b.eventId));
  const claimed = new Set<string>();
  // Stryker disable next-line ConditionalExpression: without events the INSERT has no row to write
  if (unique.length) {
    const rows = unique.map((e) => ({ event_id: e.eventId, payload_hash: e.payloadHash, type: e.type, occurred_at: e.occurredAt.toISOString() }));
    const inserted = await tx.$queryRaw<{ event_id: string }[]>(Prisma.sql`
      INSERT INTO "ingest_events" ("workspace_id", "event_id", "payload_hash", "source", "type", "occurred_at")
      SELECT ${workspaceId}::uuid, r."event_id", r."payload_hash", ${source}, r."type", r."occurred_at"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("event_id" text, "payload_hash" text, "type" text, "occurred_at" timestamptz)
      ORDER BY r."event_id"
      ON CONFLICT ("workspace_id", "event_id") DO NOTHING
      RETURNING "event_id"`);
    for (const row of inserted) claimed.add(row.event_id);
    // Stryker disable next-line MethodExpression: claimed ids looked up as well get 'duplicate', then 'accepted' overwrites it below
    const seenIds = unique.filter((e) => !claimed.has(e.eventId)).map((e) => e.eventId);
    // Stryker disable next-line ConditionalExpression: an empty list looks up no row
    if (seenIds.length) {
      const seen = await tx.$queryRaw<{ event_id: string; payload_hash: string }[]>(Prisma.sql`
        SELECT e."event_id", e."payload_hash"
        FROM jsonb_array_elements_text(${JSON.stringify(seenIds)}::jsonb) AS k("v")
        CROSS JOIN LATERAL (
          SELECT "event_id", "payload_hash" FROM "ingest_events" WHERE "workspace_id" = ${workspaceId}::uuid AND "event_id" = k."v" OFFSET 0
        ) e`);
      const hashOf = new Map(seen.map((r) => [r.event_id, r.payload_hash]));
      for (const id of seenIds) {
        const index = firstIndex.get(id)!;
        results[index] =
          hashOf.get(id) === events[index]!.payloadHash
            ? { eventId: id, status: 'duplicate' }
            : { eventId: id, status: 'rejected', error: conflictError() };
      }
    }
  }
  for (const index of repeats) {
    const event = events[index]!;
    const first = events[firstIndex.get(event.eventId)!]!;
    results[index] =
      first.payloadHash !== event.payloadHash
        ? { eventId: event.eventId, status: 'rejected', error: conflictError() }
        : claimed.has(event.eventId) || results[firstIndex.get(event.eventId)!]?.status === 'duplicate'
          ? { eventId: event.eventId, status: 'duplicate' }
          : { eventId: event.eventId, status: 'rejected', error: conflictError() };
  }
  await options.onStep?.('dedupe');

  const accepted: Accepted[] = [];
  for (const [, index] of firstIndex) if (claimed.has(events[index]!.eventId)) accepted.push({ index, event: events[index]! });
  const callCommands: { event: IngestEvent; command: CallUpsertCommand }[] = [];
  const usageCommands: { event: IngestEvent; command: UsageRecordCommand }[] = [];
  for (const { event } of accepted) {
    for (const command of event.commands) {
      if (command.kind === 'call.upsert') callCommands.push({ event, command });
      else usageCommands.push({ event, command });
    }
  }

  // 2. Agents, created on first sight (sorted by external id).
  const agentIds = await upsertAgents(tx, target, callCommands);
  await options.onStep?.('agents');

  // 3. Calls: one advisory lock per call key, in key order, then read–merge–write.
  const callKeys = new Set<string>();
  for (const { command } of callCommands) callKeys.add(command.callExternalId);
  for (const { command } of usageCommands) if (command.callExternalId) callKeys.add(command.callExternalId);
  // The batch's usage lines are priced first, so that a new call is inserted with the cost
  // of its lines already summed: updating cost_total afterwards rewrote every new call row
  // (and its index entries and rollup rows) a second time, a third of a batch's time.
  const usageCount = new Map<IngestEvent, number>();
  const usage = usageCommands.length ? planUsage(usageCommands, await tierMarkup(tx, target), usageCount) : [];
  const callIds = await writeCalls(tx, target, [...callKeys], callCommands, agentIds, batchCostByCall(usage));
  await options.onStep?.('calls');

  // 4. Usage lines, and 5. the cost of every call they touched. New calls priced above are
  // checked again: a line the table already holds in a newer version is not replaced.
  const costCalls = new Set<string>([...callIds.linkedNew, ...callIds.priced]);
  // Stryker disable next-line ConditionalExpression: without usage writeUsage writes no line and touches no call
  if (usage.length) {
    const touched = await writeUsage(tx, target, usage, callIds.byExternalId);
    for (const id of touched) costCalls.add(id);
  }
  await options.onStep?.('usage');
  // Stryker disable next-line ConditionalExpression: with no call to update the UPDATE matches no row
  if (costCalls.size) {
    // Stryker disable next-line MethodExpression: the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
    const ids = [...costCalls].sort();
    await tx.$executeRaw(Prisma.sql`
      UPDATE "calls" c SET "cost_total" = s."total"
      FROM (
        SELECT k."id", coalesce((SELECT sum(u."final_cost") FROM "usage_records" u WHERE u."call_id" = k."id"), 0) AS "total"
        FROM (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid AS "id") k
      ) s
      WHERE c."id" = s."id" AND c."id" = ANY(${uuidArray(ids)}) AND c."workspace_id" = ${workspaceId}::uuid AND c."cost_total" IS DISTINCT FROM s."total"`);
  }
  await options.onStep?.('cost');

  for (const { index, event } of accepted) {
    const ids = new Set<string>();
    for (const command of event.commands) {
      const id = command.callExternalId ? callIds.byExternalId.get(command.callExternalId) : undefined;
      if (id) ids.add(id);
    }
    results[index] = { eventId: event.eventId, status: 'accepted', callIds: [...ids], usageRecords: usageCount.get(event) ?? 0 };
  }
  // Stryker disable next-line StringLiteral: unreachable, every index got its result above
  return results.map((r, i) => r ?? { eventId: events[i]!.eventId, status: 'rejected', error: { field: 'id', message: 'Not written' } });
}

/**
 * Lookups of a batch's keys are written `FROM jsonb_array_elements_text(keys) k CROSS JOIN
 * LATERAL (… WHERE key = k.v OFFSET 0)`: OFFSET 0 keeps the planner from flattening them
 * into a hash join, so each key is one unique-index probe even while the table's
 * statistics still say it is tiny (a fast-growing table between two autoanalyze runs).
 *
 * A list as an array expression for `= ANY(…)`: the planner then looks each value up in the
 * index (a join against a set-returning function can make it hash the whole workspace).
 */
function uuidArray(values: readonly string[]): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
}

function conflictError() {
  return { field: 'id', message: 'An event with this id was already received with a different payload' };
}

function cmp(a: string, b: string): number {
  // Stryker disable next-line all: cmp only sorts keys into lock order; the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
  return a < b ? -1 : a > b ? 1 : 0;
}

async function upsertAgents(tx: Tx, target: IngestTarget, callCommands: { event: IngestEvent; command: CallUpsertCommand }[]): Promise<Map<string, string>> {
  // First sight: the name given by the earliest event that names the agent.
  const names = new Map<string, { name: string | null; t: number }>();
  for (const { event, command } of callCommands) {
    const agent = command.fields.agent;
    if (!agent?.externalId) continue;
    const t = event.occurredAt.getTime();
    const known = names.get(agent.externalId);
    if (!known || (agent.name && (!known.name || t < known.t))) names.set(agent.externalId, { name: agent.name || known?.name || null, t });
  }
  const ids = new Map<string, string>();
  // Stryker disable next-line ConditionalExpression: without agents the statements below match no row
  if (!names.size) return ids;
  // Stryker disable next-line MethodExpression: the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
  const rows = [...names].sort(([a], [b]) => cmp(a, b)).map(([externalId, { name }]) => ({ external_id: externalId, name: name?.slice(0, 255) ?? null }));
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "voice_agents" ("workspace_id", "name", "source", "external_id")
    SELECT ${target.workspaceId}::uuid, coalesce(r."name", r."external_id"), ${target.source}, r."external_id"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("external_id" text, "name" text)
    ORDER BY r."external_id"
    ON CONFLICT ("workspace_id", "source", "external_id") DO NOTHING`);
  const found = await tx.$queryRaw<{ id: string; external_id: string; name: string }[]>(Prisma.sql`
    SELECT a."id", a."external_id", a."name"
    FROM jsonb_array_elements_text(${JSON.stringify(rows.map((r) => r.external_id))}::jsonb) AS k("v")
    CROSS JOIN LATERAL (
      SELECT "id", "external_id", "name" FROM "voice_agents"
      WHERE "workspace_id" = ${target.workspaceId}::uuid AND "source" = ${target.source} AND "external_id" = k."v" OFFSET 0
    ) a`);
  // An agent first seen without a name got its external id as name: the first real name
  // replaces it. Only those rows are updated (rare), so the common case costs no statement
  // and no row lock.
  const nameOf = new Map(rows.map((r) => [r.external_id, r.name]));
  const renames = found
    .filter((a) => a.name === a.external_id && nameOf.get(a.external_id) && nameOf.get(a.external_id) !== a.external_id)
    .map((a) => ({ id: a.id, name: nameOf.get(a.external_id)! }))
    // Stryker disable next-line MethodExpression: the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
    .sort((a, b) => cmp(a.id, b.id));
  // Stryker disable next-line ConditionalExpression: an UPDATE of no row changes nothing
  if (renames.length) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE "voice_agents" a SET "name" = r."name"
      FROM jsonb_to_recordset(${JSON.stringify(renames)}::jsonb) AS r("id" uuid, "name" text)
      WHERE a."id" = r."id" AND a."id" = ANY(${uuidArray(renames.map((r) => r.id))}) AND a."workspace_id" = ${target.workspaceId}::uuid
        AND a."name" = a."external_id"`);
  }
  for (const row of found) ids.set(row.external_id, row.id);
  return ids;
}

/** The 64-bit advisory lock id of a workspace's ingestion (its own namespace: "ingest\0"). */
function workspaceLockId(workspaceId: string): bigint {
  // Stryker disable next-line StringLiteral: any constant input gives a stable lock id; a shared one only serialises more
  return createHash('sha256').update(`ingest\0${workspaceId}`).digest().readBigInt64BE(0);
}

/** A 64-bit advisory lock id per (workspace, source, call): collisions only serialise more. */
function lockId(target: IngestTarget, callExternalId: string): bigint {
  // Stryker disable next-line StringLiteral: any constant input gives a stable lock id; a shared one only serialises more
  const digest = createHash('sha256').update(`call\0${target.workspaceId}\0${target.source}\0${callExternalId}`).digest();
  return digest.readBigInt64BE(0);
}

type CallRow = { id: string; external_id: string; ingest_state: CallState | null; agent_id: string | null };

async function writeCalls(
  tx: Tx,
  target: IngestTarget,
  keys: string[],
  callCommands: { event: IngestEvent; command: CallUpsertCommand }[],
  agentIds: Map<string, string>,
  batchCost: Map<string, string>,
): Promise<{ byExternalId: Map<string, string>; linkedNew: string[]; priced: string[] }> {
  const byExternalId = new Map<string, string>();
  // Stryker disable next-line ConditionalExpression: without keys the statements below match no row
  if (!keys.length) return { byExternalId, linkedNew: [], priced: [] };
  // Stryker disable next-line all: per-call locks in key order; the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
  const locks = [...new Set(keys.map((k) => lockId(target, k)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Stryker disable next-line StringLiteral: the per-call locks; the workspace lock above already serialises a workspace's batches, so no answer depends on them
  await tx.$executeRaw(Prisma.sql`
    SELECT pg_advisory_xact_lock(k."id") FROM (
      SELECT x.v::bigint AS "id" FROM jsonb_array_elements_text(${JSON.stringify(locks.map(String))}::jsonb) WITH ORDINALITY AS x(v, n) ORDER BY x.n
    ) k`);

  // Stryker disable next-line MethodExpression: a read without locks, returned as a map: order decides nothing
  const sortedKeys = [...keys].sort(cmp);
  const existing = await tx.$queryRaw<CallRow[]>(Prisma.sql`
    SELECT c."id", c."external_id", c."ingest_state", c."agent_id"
    FROM jsonb_array_elements_text(${JSON.stringify(sortedKeys)}::jsonb) AS k("v")
    CROSS JOIN LATERAL (
      SELECT "id", "external_id", "ingest_state", "agent_id" FROM "calls"
      WHERE "workspace_id" = ${target.workspaceId}::uuid AND "source" = ${target.source} AND "external_id" = k."v" OFFSET 0
    ) c`);
  const rows = new Map(existing.map((r) => [r.external_id, r]));
  for (const r of existing) byExternalId.set(r.external_id, r.id);

  const states = new Map<string, CallState | null>();
  for (const { event, command } of callCommands) {
    const key = command.callExternalId;
    const before = states.has(key) ? states.get(key)! : (rows.get(key)?.ingest_state ?? null);
    states.set(key, mergeCall(before, event, command));
  }

  const inserts: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  // Stryker disable next-line MethodExpression: the INSERT orders its rows itself (ORDER BY external_id); updates go by id
  for (const key of [...states.keys()].sort(cmp)) {
    const state = states.get(key)!;
    const row = rows.get(key);
    // Stryker disable next-line ConditionalExpression: the skipped update would write the values the row already holds
    if (row?.ingest_state && sameState(row.ingest_state, state)) continue;
    const p = projectCall(state);
    const agentId = p.agentExternalId ? (agentIds.get(p.agentExternalId) ?? row?.agent_id ?? null) : (row?.agent_id ?? null);
    const values = {
      external_id: key,
      id: row?.id ?? null,
      agent_id: agentId,
      direction: p.direction,
      status: p.status,
      caller_number: p.callerNumber,
      started_at: p.startedAt.toISOString(),
      ended_at: p.endedAt?.toISOString() ?? null,
      duration_seconds: p.durationSeconds,
      sentiment: p.sentiment,
      voice_provider_used: p.voiceProviderUsed,
      avg_response_ms: p.avgResponseMs,
      intent: p.intent,
      ended_reason: p.endedReason,
      metadata: p.metadata,
      ingest_state: state,
    };
    if (row) updates.push(values);
    else inserts.push({ ...values, cost_total: batchCost.get(key) ?? '0' });
  }

  const columns = `"id" uuid, "external_id" text, "agent_id" uuid, "direction" call_direction, "status" call_status,
      "caller_number" text, "started_at" timestamptz, "ended_at" timestamptz, "duration_seconds" int, "sentiment" sentiment,
      "voice_provider_used" text, "avg_response_ms" int, "intent" text, "ended_reason" text, "metadata" jsonb, "ingest_state" jsonb`;
  const recordset = { update: Prisma.raw(`AS r(${columns})`), insert: Prisma.raw(`AS r(${columns}, "cost_total" numeric)`) };
  let linkedNew: string[] = [];
  const priced: string[] = [];
  // Stryker disable next-line ConditionalExpression: with nothing to insert the statements match no row
  if (inserts.length) {
    const created = await tx.$queryRaw<{ id: string; external_id: string }[]>(Prisma.sql`
      INSERT INTO "calls" ("workspace_id", "source", "external_id", "agent_id", "direction", "status", "caller_number", "started_at",
        "ended_at", "duration_seconds", "sentiment", "voice_provider_used", "avg_response_ms", "intent", "ended_reason", "metadata", "ingest_state", "cost_total")
      SELECT ${target.workspaceId}::uuid, ${target.source}, r."external_id", r."agent_id", r."direction", r."status", r."caller_number", r."started_at",
        r."ended_at", r."duration_seconds", r."sentiment", r."voice_provider_used", r."avg_response_ms", r."intent", r."ended_reason",
        coalesce(r."metadata", '{}'::jsonb), r."ingest_state", r."cost_total"
      FROM jsonb_to_recordset(${JSON.stringify(inserts)}::jsonb) ${recordset.insert}
      ORDER BY r."external_id"
      RETURNING "id", "external_id"`);
    for (const r of created) {
      byExternalId.set(r.external_id, r.id);
      // Stryker disable next-line ConditionalExpression: a call without usage in the batch, checked as well, keeps cost_total 0 (the UPDATE skips equal totals)
      if (batchCost.has(r.external_id)) priced.push(r.id);
    }
    // Usage that arrived before its call now belongs to it (looked up first: an UPDATE would
    // fire the rollup trigger even when it changes nothing).
    const idOf = new Map(created.map((r) => [r.external_id, r.id]));
    const orphans = await tx.$queryRaw<{ id: string; external_call_id: string }[]>(Prisma.sql`
      SELECT u."id", u."external_call_id"
      FROM jsonb_array_elements_text(${JSON.stringify([...idOf.keys()])}::jsonb) AS k("v")
      CROSS JOIN LATERAL (
        SELECT "id", "external_call_id" FROM "usage_records"
        WHERE "workspace_id" = ${target.workspaceId}::uuid AND "source" = ${target.source} AND "external_call_id" = k."v" AND "call_id" IS NULL OFFSET 0
      ) u`);
    // Stryker disable next-line MethodExpression: the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
    const links = orphans.map((o) => ({ id: o.id, call_id: idOf.get(o.external_call_id)! })).sort((a, b) => cmp(a.id, b.id));
    const linked = links.length
      ? await tx.$queryRaw<{ call_id: string }[]>(Prisma.sql`
          UPDATE "usage_records" u SET "call_id" = r."call_id"
          FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS r("id" uuid, "call_id" uuid)
          WHERE u."id" = r."id" AND u."id" = ANY(${uuidArray(links.map((l) => l.id))}) AND u."workspace_id" = ${target.workspaceId}::uuid
          RETURNING u."call_id"`)
      : [];
    linkedNew = [...new Set(linked.map((r) => r.call_id))];
  }
  // Stryker disable next-line ConditionalExpression: with nothing to update the UPDATE matches no row
  if (updates.length) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE "calls" c SET "agent_id" = r."agent_id", "direction" = r."direction", "status" = r."status", "caller_number" = r."caller_number",
        "started_at" = r."started_at", "ended_at" = r."ended_at", "duration_seconds" = r."duration_seconds", "sentiment" = r."sentiment",
        "voice_provider_used" = r."voice_provider_used", "avg_response_ms" = r."avg_response_ms", "intent" = r."intent",
        "ended_reason" = r."ended_reason", "metadata" = coalesce(r."metadata", '{}'::jsonb), "ingest_state" = r."ingest_state"
      FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) ${recordset.update}
      WHERE c."id" = r."id" AND c."id" = ANY(${uuidArray(updates.map((u) => u.id as string))}) AND c."workspace_id" = ${target.workspaceId}::uuid`);
  }
  return { byExternalId, linkedNew, priced };
}

type UsageRow = {
  call_id: string | null;
  external_call_id: string | null;
  line_key: string | null;
  provider: string;
  usage_type: string;
  quantity: string;
  total_cost: string;
  final_cost: string;
  created_at: string;
  event_id: string;
};

/** The markup of the workspace's tier (1 without a tier). */
async function tierMarkup(tx: Tx, target: IngestTarget): Promise<string> {
  const [tier] = await tx.$queryRaw<{ markup: string }[]>(Prisma.sql`
    SELECT coalesce(t."markup", 1)::text AS "markup" FROM "workspaces" w
    LEFT JOIN "subscription_tiers" t ON t."tier_name" = w."subscription_tier"
    WHERE w."id" = ${target.workspaceId}::uuid`);
  // Stryker disable next-line StringLiteral: unreachable, the query always returns the workspace's row (coalesce gives 1)
  return tier?.markup ?? '1';
}

/**
 * The batch's usage lines as they will be written, priced, keyed lines first (sorted by
 * line key) and one per line key: the greatest (occurred_at, event id) of the batch wins,
 * as in the table. call_id is filled in by writeUsage, once the calls exist.
 */
function planUsage(usageCommands: { event: IngestEvent; command: UsageRecordCommand }[], markup: string, usageCount: Map<IngestEvent, number>): UsageRow[] {
  const keyed = new Map<string, UsageRow>();
  const unkeyed: UsageRow[] = [];
  for (const { event, command } of usageCommands) {
    const row: UsageRow = {
      call_id: null,
      external_call_id: command.callExternalId ?? null,
      line_key: command.lineKey ?? null,
      provider: command.provider,
      usage_type: command.usageType,
      quantity: fixed6(command.quantity),
      total_cost: fixed6(command.cost),
      final_cost: command.billed !== undefined && command.billed !== null ? fixed6(command.billed) : billedFromCost(command.cost, markup),
      created_at: event.occurredAt.toISOString(),
      event_id: event.eventId,
    };
    usageCount.set(event, (usageCount.get(event) ?? 0) + 1);
    if (!row.line_key) {
      unkeyed.push(row);
      continue;
    }
    const known = keyed.get(row.line_key);
    if (!known || row.created_at > known.created_at || (row.created_at === known.created_at && row.event_id > known.event_id)) {
      keyed.set(row.line_key, row);
    }
  }
  // Stryker disable next-line MethodExpression: the workspace lock above already serialises a workspace's batches, so this order (a second guard against deadlocks) decides no answer
  return [...[...keyed.values()].sort((a, b) => cmp(a.line_key!, b.line_key!)), ...unkeyed];
}

/** Per platform call id, the sum of the final_cost of the batch's lines for it. */
function batchCostByCall(rows: readonly UsageRow[]): Map<string, string> {
  const lines = new Map<string, string[]>();
  // Stryker disable next-line ArrayDeclaration: a wrong sum here is corrected by the cost UPDATE, which checks every call priced in the batch again (cost only spares it the writes)
  for (const row of rows) if (row.external_call_id) lines.set(row.external_call_id, [...(lines.get(row.external_call_id) ?? []), row.final_cost]);
  return new Map([...lines].map(([key, costs]) => [key, sumMoney(costs)]));
}

/** Writes the planned usage lines (one statement); returns the ids of the calls whose cost changed. */
async function writeUsage(tx: Tx, target: IngestTarget, planned: readonly UsageRow[], callIds: Map<string, string>): Promise<Set<string>> {
  const { workspaceId, source } = target;
  const rows = planned.map((row) => ({ ...row, call_id: row.external_call_id ? (callIds.get(row.external_call_id) ?? null) : null }));

  // The lines a keyed row may replace: their old rollup keys and calls.
  const lineKeys = rows.flatMap((r) => (r.line_key ? [r.line_key] : []));
  const old = lineKeys.length
    ? await tx.$queryRaw<{ call_id: string | null; created_at: Date; provider: string; usage_type: string }[]>(Prisma.sql`
        SELECT u."call_id", u."created_at", u."provider", u."usage_type"
        FROM jsonb_array_elements_text(${JSON.stringify(lineKeys)}::jsonb) AS k("v")
        CROSS JOIN LATERAL (
          SELECT "call_id", "created_at", "provider", "usage_type" FROM "usage_records"
          WHERE "workspace_id" = ${workspaceId}::uuid AND "source" = ${source} AND "line_key" = k."v" OFFSET 0
        ) u`)
    : [];

  // Take every rollup row the triggers will touch, in key order, in one statement; a
  // placeholder row with count 0 stands for a bucket that does not exist yet.
  const rollupKeys = [
    ...rows.map((r) => ({ t: r.created_at, provider: r.provider, usage_type: r.usage_type })),
    ...old.map((r) => ({ t: r.created_at.toISOString(), provider: r.provider, usage_type: r.usage_type })),
  ];
  const rollupJson = JSON.stringify(rollupKeys);
  // Stryker disable next-line StringLiteral: the placeholders only take rollup rows in key order; the workspace lock already serialises the batches that share them, and the triggers write the figures
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "usage_rollups" AS r ("workspace_id", "bucket_start", "provider", "usage_type", "record_count", "quantity", "total_cost", "final_cost")
    SELECT DISTINCT ${workspaceId}::uuid, date_bin('15 minutes', k."t", TIMESTAMPTZ '2000-01-01 00:00:00+00'), k."provider", k."usage_type", 0, 0::numeric, 0::numeric, 0::numeric
    FROM jsonb_to_recordset(${rollupJson}::jsonb) AS k("t" timestamptz, "provider" text, "usage_type" text)
    ORDER BY 2, 3, 4
    ON CONFLICT ("workspace_id", "bucket_start", "provider", "usage_type") DO UPDATE SET "record_count" = r."record_count"`);

  const written = await tx.$queryRaw<{ call_id: string | null }[]>(Prisma.sql`
    INSERT INTO "usage_records" AS u ("workspace_id", "call_id", "provider", "usage_type", "quantity", "total_cost", "final_cost", "created_at",
      "source", "external_call_id", "line_key", "event_id")
    SELECT ${workspaceId}::uuid, r."call_id", r."provider", r."usage_type", r."quantity", r."total_cost", r."final_cost", r."created_at",
      ${source}, r."external_call_id", r."line_key", r."event_id"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("call_id" uuid, "external_call_id" text, "line_key" text, "provider" text,
      "usage_type" text, "quantity" numeric, "total_cost" numeric, "final_cost" numeric, "created_at" timestamptz, "event_id" text)
    ON CONFLICT ("workspace_id", "source", "line_key") DO UPDATE
    SET "call_id" = EXCLUDED."call_id", "external_call_id" = EXCLUDED."external_call_id", "provider" = EXCLUDED."provider",
        "usage_type" = EXCLUDED."usage_type", "quantity" = EXCLUDED."quantity", "total_cost" = EXCLUDED."total_cost",
        "final_cost" = EXCLUDED."final_cost", "created_at" = EXCLUDED."created_at", "event_id" = EXCLUDED."event_id"
    WHERE (EXCLUDED."created_at", EXCLUDED."event_id") > (u."created_at", coalesce(u."event_id", ''))
    RETURNING u."call_id"`);

  // Placeholders no line ended up in go again.
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "usage_rollups" r
    USING (SELECT DISTINCT date_bin('15 minutes', k."t", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "bucket_start", k."provider", k."usage_type"
           FROM jsonb_to_recordset(${rollupJson}::jsonb) AS k("t" timestamptz, "provider" text, "usage_type" text)) k
    WHERE r."workspace_id" = ${workspaceId}::uuid AND r."bucket_start" = k."bucket_start" AND r."provider" = k."provider"
      AND r."usage_type" = k."usage_type" AND r."record_count" = 0`);

  const touched = new Set<string>();
  for (const r of written) if (r.call_id) touched.add(r.call_id);
  for (const r of old) if (r.call_id) touched.add(r.call_id);
  return touched;
}
