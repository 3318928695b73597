import type { CallDirection, CallStatus, Sentiment } from '@/lib/generated/prisma/enums';
import type { CallFields, CallUpsertCommand } from './commands';

/**
 * The order-independent merge of a call's events (calls.ingest_state). Each field keeps the
 * value of the event with the greatest version; a version is (rank, occurred_at, event id),
 * where rank matters for status only. max() is commutative, associative and idempotent, so
 * the same set of events gives the same call in whatever order and however many times they
 * arrive. The call's columns are a pure function of this state (`projectCall`).
 */
export type FieldVersion = {
  v: unknown;
  /** occurred_at, ms since epoch */
  t: number;
  /** event id */
  e: string;
  /** status only: 2 × status rank + 1 when explicit, + 0 when implied by the event type */
  r?: number;
};

export type CallState = {
  /** field name → winning version; metadata keys are stored as `m.<key>` */
  f: Record<string, FieldVersion>;
  /** the earliest occurred_at seen (ms): started_at when no event gave one */
  first: number;
};

export const STATUS_RANK: Record<CallStatus, number> = {
  queued: 0,
  ringing: 1,
  in_progress: 2,
  completed: 3,
  failed: 3,
  no_answer: 3,
  busy: 3,
  canceled: 3,
};

const SCALAR_FIELDS = [
  ['direction', 'direction'],
  ['callerNumber', 'caller_number'],
  ['durationSeconds', 'duration_seconds'],
  ['sentiment', 'sentiment'],
  ['voiceProvider', 'voice_provider'],
  ['avgResponseMs', 'avg_response_ms'],
  ['endedReason', 'ended_reason'],
] as const satisfies readonly (readonly [keyof CallFields, string])[];

function newer(a: FieldVersion, b: FieldVersion | undefined): boolean {
  if (!b) return true;
  const ra = a.r ?? 0;
  const rb = b.r ?? 0;
  // Stryker disable next-line EqualityOperator: ra > rb vs ra >= rb: ra !== rb on this line
  if (ra !== rb) return ra > rb;
  // Stryker disable next-line EqualityOperator: a.t > b.t vs a.t >= b.t: a.t !== b.t on this line
  if (a.t !== b.t) return a.t > b.t;
  // Stryker disable next-line EqualityOperator: an equal (time, event id) is the same event's version, replaced by itself
  return a.e > b.e;
}

function put(state: CallState, field: string, version: FieldVersion): void {
  if (newer(version, state.f[field])) state.f[field] = version;
}

/** Applies one event's call command to a state (null = a call not seen before); returns a new state. */
export function mergeCall(
  state: CallState | null,
  event: { eventId: string; occurredAt: Date },
  command: Pick<CallUpsertCommand, 'fields' | 'impliedStatus'>,
): CallState {
  const t = event.occurredAt.getTime();
  const e = event.eventId;
  const next: CallState = state ? { f: { ...state.f }, first: Math.min(state.first, t) } : { f: {}, first: t };
  const fields = command.fields;

  if (fields.agent?.externalId) {
    put(next, 'agent', { v: { id: fields.agent.externalId, name: fields.agent.name ?? null }, t, e });
  }
  if (fields.status) {
    put(next, 'status', { v: fields.status, t, e, r: 2 * STATUS_RANK[fields.status] + 1 });
  } else if (command.impliedStatus) {
    put(next, 'status', { v: command.impliedStatus, t, e, r: 2 * STATUS_RANK[command.impliedStatus] });
  }
  if (fields.startedAt) put(next, 'started_at', { v: fields.startedAt.toISOString(), t, e });
  if (fields.endedAt) put(next, 'ended_at', { v: fields.endedAt.toISOString(), t, e });
  for (const [key, name] of SCALAR_FIELDS) {
    const value = fields[key];
    if (value !== undefined && value !== null) put(next, name, { v: value, t, e });
  }
  const metadata = fields.metadata ?? {};
  const intent = fields.intent ?? (typeof metadata.intent === 'string' ? metadata.intent : null);
  if (intent !== null) put(next, 'intent', { v: intent, t, e });
  for (const [key, value] of Object.entries(metadata)) {
    if (key === 'intent' || value === undefined || value === null) continue;
    put(next, `m.${key}`, { v: value, t, e });
  }
  return next;
}

/** The columns of a call, as its merged state says. */
export type ProjectedCall = {
  agentExternalId: string | null;
  agentName: string | null;
  direction: CallDirection;
  status: CallStatus;
  callerNumber: string | null;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  sentiment: Sentiment | null;
  voiceProviderUsed: string | null;
  avgResponseMs: number | null;
  intent: string | null;
  endedReason: string | null;
  metadata: Record<string, unknown>;
};

export function projectCall(state: CallState): ProjectedCall {
  const f = state.f;
  const value = <T>(name: string): T | null => (f[name] ? (f[name].v as T) : null);
  const agent = value<{ id: string; name: string | null }>('agent');
  const explicitStart = value<string>('started_at');
  const endedAt = value<string>('ended_at');
  const startedAt = explicitStart ? new Date(explicitStart) : new Date(state.first);
  let durationSeconds = value<number>('duration_seconds');
  if (durationSeconds === null && explicitStart && endedAt) {
    durationSeconds = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(explicitStart)) / 1000));
  }
  const metadata: Record<string, unknown> = {};
  // Stryker disable next-line MethodExpression: metadata is stored as jsonb, which orders its keys itself
  for (const key of Object.keys(f).sort()) {
    if (key.startsWith('m.')) metadata[key.slice(2)] = f[key]!.v;
  }
  const intent = value<string>('intent');
  if (intent !== null) metadata.intent = intent;
  return {
    agentExternalId: agent?.id ?? null,
    agentName: agent?.name ?? null,
    direction: value<CallDirection>('direction') ?? 'inbound',
    status: value<CallStatus>('status') ?? 'queued',
    callerNumber: value<string>('caller_number'),
    startedAt,
    endedAt: endedAt ? new Date(endedAt) : null,
    durationSeconds,
    sentiment: value<Sentiment>('sentiment'),
    voiceProviderUsed: value<string>('voice_provider'),
    avgResponseMs: value<number>('avg_response_ms'),
    intent,
    endedReason: value<string>('ended_reason'),
    metadata,
  };
}

/** True when two states hold the same versions (nothing to write). */
export function sameState(a: CallState, b: CallState): boolean {
  if (a.first !== b.first) return false;
  const ka = Object.keys(a.f);
  if (ka.length !== Object.keys(b.f).length) return false;
  return ka.every((k) => b.f[k] && a.f[k]!.t === b.f[k]!.t && a.f[k]!.e === b.f[k]!.e && (a.f[k]!.r ?? 0) === (b.f[k]!.r ?? 0));
}
