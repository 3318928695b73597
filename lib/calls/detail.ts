import { Prisma, type Db } from '@/lib/db';
import { NotFoundError, isUuid, scopeCondition, type CallDirection, type CallStatus, type Sentiment, type WorkspaceScope } from '@/lib/analytics';
import type { CallState } from '@/lib/ingest/merge';

export type CallUsageLine = {
  id: string;
  provider: string;
  usageType: string;
  quantity: string;
  /** What the workspace is billed for the line (final_cost); provider cost is never here. */
  billed: string;
  createdAt: Date;
};

export type CallEvent = {
  eventId: string;
  /** From the ingestion dedupe row, when it is still kept (35 days at least). */
  type: string | null;
  source: string | null;
  occurredAt: Date;
  receivedAt: Date | null;
  /** The call fields whose current value this event set ("status", "metadata.summary"…). */
  fields: string[];
};

export type CallDetail = {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  agentId: string | null;
  agentName: string | null;
  agentDeleted: boolean;
  callerNumber: string | null;
  direction: CallDirection;
  status: CallStatus;
  durationSeconds: number | null;
  sentiment: Sentiment | null;
  provider: string | null;
  avgResponseMs: number | null;
  intent: string | null;
  endedReason: string | null;
  /** Billed cost of the call: the sum of its usage lines' billed amounts. */
  cost: string;
  source: string | null;
  externalId: string | null;
  metadata: Record<string, unknown>;
  /** Sent by some sources in the metadata (summary, transcript, recording_url); null otherwise. */
  summary: string | null;
  transcript: string | null;
  recordingUrl: string | null;
  usage: CallUsageLine[];
  events: CallEvent[];
};

type CallRow = {
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
  sentiment: Sentiment | null;
  provider: string | null;
  avg_response_ms: number | null;
  intent: string | null;
  ended_reason: string | null;
  cost: string;
  source: string | null;
  external_id: string | null;
  metadata: Record<string, unknown> | null;
  ingest_state: CallState | null;
};

/**
 * One call of a workspace with everything known about it: its fields, agent, billed usage
 * lines and the ingestion events that built it (from calls.ingest_state: each field keeps
 * the id of the event that set it). Another workspace's call, or an id that is not a
 * UUID, is NotFoundError → 404.
 */
export async function getCallDetail(db: Db, scope: WorkspaceScope, callId: string): Promise<CallDetail> {
  if (!isUuid(callId)) throw new NotFoundError('call');
  const [call] = await db.$queryRaw<CallRow[]>`
    SELECT c.id::text AS id, c.started_at, c.ended_at, c.agent_id::text AS agent_id,
           a.name AS agent_name, (a.deleted_at IS NOT NULL) AS agent_deleted,
           c.caller_number, c.direction::text AS direction, c.status::text AS status,
           c.duration_seconds, c.sentiment::text AS sentiment, c.voice_provider_used AS provider,
           c.avg_response_ms, c.intent, c.ended_reason, round(c.cost_total, 6)::text AS cost,
           c.source, c.external_id, c.metadata, c.ingest_state
    FROM calls c
    LEFT JOIN voice_agents a ON a.id = c.agent_id AND a.workspace_id = c.workspace_id
    WHERE ${scopeCondition(scope, 'c.workspace_id')} AND c.id = ${callId}::uuid`;
  if (!call) throw new NotFoundError('call');

  const usage = await db.$queryRaw<(Omit<CallUsageLine, 'createdAt'> & { createdAt: Date })[]>`
    SELECT u.id::text AS id, u.provider, u.usage_type AS "usageType", round(u.quantity, 6)::text AS quantity,
           round(u.final_cost, 6)::text AS billed, u.created_at AS "createdAt"
    FROM usage_records u
    WHERE ${scopeCondition(scope, 'u.workspace_id')} AND u.call_id = ${callId}::uuid
    ORDER BY u.created_at, u.provider, u.usage_type, u.id`;

  const events = await callEvents(db, scope, call.ingest_state);
  const metadata = call.metadata && typeof call.metadata === 'object' ? call.metadata : {};
  const text = (key: string) => (typeof metadata[key] === 'string' && (metadata[key] as string).trim() ? (metadata[key] as string) : null);
  const recording = text('recording_url') ?? text('recordingUrl');
  return {
    id: call.id,
    startedAt: call.started_at,
    endedAt: call.ended_at,
    agentId: call.agent_id,
    agentName: call.agent_name,
    agentDeleted: call.agent_deleted === true,
    callerNumber: call.caller_number,
    direction: call.direction,
    status: call.status,
    durationSeconds: call.duration_seconds,
    sentiment: call.sentiment,
    provider: call.provider,
    avgResponseMs: call.avg_response_ms,
    intent: call.intent,
    endedReason: call.ended_reason ?? text('ended_reason'),
    cost: call.cost,
    source: call.source,
    externalId: call.external_id,
    metadata,
    summary: text('summary'),
    transcript: text('transcript'),
    // Only http(s) links are shown as links: a javascript: URL in metadata must not become one.
    recordingUrl: recording && /^https?:\/\//i.test(recording) ? recording : null,
    usage,
    events,
  };
}

async function callEvents(db: Db, scope: WorkspaceScope, state: CallState | null): Promise<CallEvent[]> {
  if (!state?.f) return [];
  const byEvent = new Map<string, { occurredAt: number; fields: string[] }>();
  for (const [field, version] of Object.entries(state.f)) {
    if (!version || typeof version.e !== 'string') continue;
    const entry = byEvent.get(version.e) ?? { occurredAt: version.t, fields: [] };
    entry.occurredAt = Math.max(entry.occurredAt, version.t);
    entry.fields.push(field.startsWith('m.') ? `metadata.${field.slice(2)}` : field);
    byEvent.set(version.e, entry);
  }
  if (byEvent.size === 0) return [];
  const ids = [...byEvent.keys()];
  const rows = await db.$queryRaw<{ event_id: string; type: string; source: string; received_at: Date }[]>`
    SELECT e.event_id, e.type, e.source, e.received_at
    FROM ingest_events e
    WHERE ${scopeCondition(scope, 'e.workspace_id')} AND e.event_id IN (${Prisma.join(ids)})`;
  const known = new Map(rows.map((row) => [row.event_id, row]));
  return ids
    .map((eventId) => {
      const entry = byEvent.get(eventId)!;
      const row = known.get(eventId);
      return {
        eventId,
        type: row?.type ?? null,
        source: row?.source ?? null,
        occurredAt: new Date(entry.occurredAt),
        receivedAt: row?.received_at ?? null,
        fields: entry.fields.sort(),
      };
    })
    .sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime() || x.eventId.localeCompare(y.eventId));
}
