import type { CallDirection, CallStatus, Sentiment } from '@/lib/generated/prisma/enums';

/**
 * The normalised commands of the one ingestion write path (`ingestEvents` in ./ingest.ts).
 * Every way data comes in (the public events API, the Vapi/Retell/Bland webhooks) turns
 * what it received into these, then hands them to `ingestEvents`, which dedupes, merges
 * and writes them in one transaction. Nothing else writes calls, agents or usage records
 * from outside data.
 *
 * Merge rules (docs/METRICS.md, "Ingested data"), all independent of arrival order:
 * - A call is keyed by (workspace, source, external call id). Each field keeps the value
 *   of the event with the greatest (occurred_at, event id) among those that carried it;
 *   an absent or null field says nothing, so a later event fills what an earlier lacked.
 * - Status only moves forward: queued < ringing < in_progress < terminal (completed,
 *   failed, no_answer, busy, canceled); among equal ranks the greatest (occurred_at,
 *   event id) wins. An `ended` that arrived before `started` is therefore never undone.
 * - A usage line with a `lineKey` is unique per (workspace, source, lineKey): a later
 *   delivery of the same line replaces it (values and time), an older one changes nothing.
 *   Lines without a key are added once per event (the event id dedupes them).
 */

/** Where the data came from: `api` for POST /api/v1/events, else the platform (`vapi`, `retell`, `bland`). */
export type IngestSource = string;

/** The workspace written to (always the one the credential belongs to, never the body's say) and the source. */
export type IngestTarget = { workspaceId: string; source: IngestSource };

export type AgentRef = {
  /** The platform's own agent/assistant id: with the source, maps to one voice_agents row per workspace. */
  externalId: string;
  /** Used when the agent is first seen (default: the external id). */
  name?: string | null;
};

/**
 * What one event says about a call. Every field is optional: absent or null means "this
 * event does not say". Money never appears here (a call's cost is the sum of its usage).
 */
export type CallFields = {
  agent?: AgentRef | null;
  direction?: CallDirection | null;
  status?: CallStatus | null;
  callerNumber?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  /** Whole seconds; when never given, derived from ended_at − started_at if both were given. */
  durationSeconds?: number | null;
  sentiment?: Sentiment | null;
  voiceProvider?: string | null;
  avgResponseMs?: number | null;
  /** Also written to metadata.intent (calls.intent and metadata.intent are kept equal). */
  intent?: string | null;
  endedReason?: string | null;
  /** Merged key by key (each top-level key is a field of its own); `intent` here counts as `intent` above. */
  metadata?: Record<string, unknown> | null;
};

export type CallUpsertCommand = {
  kind: 'call.upsert';
  /** The platform's call id (1–255 chars). */
  callExternalId: string;
  fields: CallFields;
  /**
   * The status this event implies when `fields.status` is absent (e.g. `in_progress` for a
   * call.started, `completed` for a call.ended). It ranks below any explicit status of the
   * same rank, so an explicit `failed` is never overridden by an implied `completed`.
   */
  impliedStatus?: CallStatus | null;
};

export type UsageRecordCommand = {
  kind: 'usage.record';
  /** The platform's call id this usage belongs to; the record is linked when the call exists (now or later). */
  callExternalId?: string | null;
  /**
   * Stable key of this cost line within the source, e.g. `${callId}:stt`. With a key, a
   * re-delivery REPLACES the line instead of adding one. Without, each event adds one line.
   */
  lineKey?: string | null;
  provider: string;
  usageType: string;
  /** Decimal strings, at most 6 decimal places (numeric(18,6)); never floats. */
  quantity: string;
  /** What the provider charged (USD). */
  cost: string;
  /** What the workspace is billed; absent → cost × the workspace tier's markup, half-even to 6 places. */
  billed?: string | null;
};

export type IngestCommand = CallUpsertCommand | UsageRecordCommand;

/** One deduplicated unit of ingestion: one API event, or one webhook delivery. */
export type IngestEvent = {
  /** Client-chosen id (1–255 chars), unique per workspace: the dedupe key (workspace, eventId). */
  eventId: string;
  /** When it happened at the source: the merge order of call fields and the time of its usage records. */
  occurredAt: Date;
  /** Hash of the event as received (`payloadHash()`): same id + same hash → duplicate; different hash → conflict. */
  payloadHash: string;
  /** e.g. `call.ended`, `vapi.end-of-call-report`: stored for support, not interpreted. */
  type: string;
  commands: IngestCommand[];
};

export type IngestError = { field: string; message: string };

export type IngestResult =
  | {
      eventId: string;
      status: 'accepted';
      /** Our ids of the calls this event created or updated (for delivery logs). */
      callIds: string[];
      /** Usage records written (inserted or replaced). */
      usageRecords: number;
    }
  /** Seen before with the same payload: nothing was changed. */
  | { eventId: string; status: 'duplicate' }
  /** Seen before with a different payload (field `id`), or a command that cannot be written. */
  | { eventId: string; status: 'rejected'; error: IngestError };
