import { z } from 'zod';
import { fieldPath } from '@/lib/api/body';
import type { CallStatus } from '@/lib/generated/prisma/enums';
import type { IngestCommand, IngestError, IngestEvent } from './commands';
import { payloadHash } from './hash';
import { MONEY_PATTERN } from './money';

/**
 * The public events API's wire format (POST /api/v1/events), its zod schema (also served
 * as JSON Schema at GET /api/v1/events/schema) and its translation into ingest commands.
 * Field names are snake_case; money and quantities are decimal strings (exact) or JSON
 * numbers, at most 6 decimal places.
 */
export const MAX_BATCH_EVENTS = 1000;
export const MAX_BODY_BYTES = 1024 * 1024;
/** occurred_at may be up to 35 days old and 5 minutes ahead (Stripe meter events' window). */
export const MAX_AGE_MS = 35 * 86_400_000;
export const MAX_AHEAD_MS = 5 * 60_000;

const text = (max: number) => z.string().min(1).max(max);
const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant with Z or an offset, e.g. 2026-11-20T10:00:00Z');
const decimal = z
  .union([z.string(), z.number()])
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: RegExp.test turns a number into String(v) itself (the message is asserted in parse.test.ts)
  .refine((v) => MONEY_PATTERN.test(typeof v === 'number' ? String(v) : v), 'must be a non-negative decimal with at most 12 integer digits and 6 decimal places')
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .describe('decimal string (exact) or JSON number, >= 0, at most 6 decimal places');
const count = z.number().int().min(0).max(2_147_483_647);

const STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'] as const satisfies readonly CallStatus[];

export const callDataSchema = z
  .object({
    call_id: text(255).describe("the platform's own call id: one call per workspace and id"),
    agent: z
      .object({ id: text(255).describe("the platform's agent id"), name: text(255).optional().describe('used when the agent is first seen') })
      .strict()
      .nullish(),
    direction: z.enum(['inbound', 'outbound']).nullish(),
    status: z.enum(STATUSES).nullish().describe('moves forward only: queued < ringing < in_progress < completed|failed|no_answer|busy|canceled'),
    caller_number: z.string().max(64).nullish(),
    started_at: instant.nullish(),
    ended_at: instant.nullish(),
    duration_seconds: count.nullish(),
    sentiment: z.enum(['positive', 'neutral', 'negative']).nullish(),
    voice_provider: text(100).nullish(),
    avg_response_ms: count.nullish(),
    intent: text(255).nullish(),
    ended_reason: text(255).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict();

export const usageDataSchema = z
  .object({
    call_id: text(255).nullish().describe('the call this usage belongs to (optional)'),
    provider: text(100),
    usage_type: text(100),
    quantity: decimal,
    cost: decimal.describe('what the provider charged, USD'),
    billed: decimal.nullish().describe("what the workspace is billed; default cost × the tier's markup, half-even to 6 places"),
  })
  .strict();

const eventBase = { id: text(255).describe('client-chosen, unique per workspace: the idempotency key'), occurred_at: instant };

// Stryker disable next-line StringLiteral: zod 4 finds the discriminator without its name; errors still name `type` (parse.test.ts)
export const eventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.enum(['call.started', 'call.updated', 'call.ended']), data: callDataSchema }).strict(),
  z.object({ ...eventBase, type: z.literal('usage.recorded'), data: usageDataSchema }).strict(),
]);

export type ApiEvent = z.output<typeof eventSchema>;

/** The request body: a batch, or one bare event. */
export const requestSchema = z.union([z.object({ events: z.array(eventSchema).min(1).max(MAX_BATCH_EVENTS) }).strict(), eventSchema]);

/** JSON Schema (draft 2020-12) of the request body, generated from the zod schema. */
export function requestJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(requestSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'VoiceDash events: POST /api/v1/events',
  };
}

export type Parsed = { ok: true; event: IngestEvent } | { ok: false; id: string; error: IngestError };

/** Validates one event (shape and time window) and turns it into an ingest event. */
export function parseApiEvent(raw: unknown, now: Date): Parsed {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '';
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldPath(issue.path);
    return { ok: false, id, error: { field, message: `${field}: ${issue.message}` } };
  }
  const event = parsed.data;
  const occurredAt = new Date(event.occurred_at);
  if (occurredAt.getTime() < now.getTime() - MAX_AGE_MS) {
    return { ok: false, id, error: { field: 'occurred_at', message: 'occurred_at: must be at most 35 days in the past' } };
  }
  if (occurredAt.getTime() > now.getTime() + MAX_AHEAD_MS) {
    return { ok: false, id, error: { field: 'occurred_at', message: 'occurred_at: must be at most 5 minutes in the future' } };
  }
  return { ok: true, event: { eventId: event.id, occurredAt, payloadHash: payloadHash(raw), type: event.type, commands: [toCommand(event)] } };
}

const IMPLIED: Record<string, CallStatus | null> = { 'call.started': 'in_progress', 'call.updated': null, 'call.ended': 'completed' };

function toCommand(event: ApiEvent): IngestCommand {
  if (event.type === 'usage.recorded') {
    const d = event.data;
    return { kind: 'usage.record', callExternalId: d.call_id ?? null, provider: d.provider, usageType: d.usage_type, quantity: d.quantity, cost: d.cost, billed: d.billed ?? null };
  }
  const d = event.data;
  const date = (v: string | null | undefined) => (v ? new Date(v) : null);
  return {
    kind: 'call.upsert',
    callExternalId: d.call_id,
    impliedStatus: IMPLIED[event.type] ?? null,
    fields: {
      agent: d.agent ? { externalId: d.agent.id, name: d.agent.name ?? null } : null,
      direction: d.direction ?? null,
      status: d.status ?? null,
      callerNumber: d.caller_number ?? null,
      startedAt: date(d.started_at),
      endedAt: date(d.ended_at),
      durationSeconds: d.duration_seconds ?? null,
      sentiment: d.sentiment ?? null,
      voiceProvider: d.voice_provider ?? null,
      avgResponseMs: d.avg_response_ms ?? null,
      intent: d.intent ?? null,
      endedReason: d.ended_reason ?? null,
      metadata: d.metadata ?? null,
    },
  };
}
