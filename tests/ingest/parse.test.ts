import { describe, expect, it } from 'vitest';
import { payloadHash } from '@/lib/ingest';
import { MAX_AGE_MS, MAX_AHEAD_MS, MAX_BATCH_EVENTS, MAX_BODY_BYTES, parseApiEvent, requestJsonSchema, requestSchema } from '@/lib/ingest/api-events';

/**
 * The events API's wire format (issue 11, "Interfaces") turned into ingest commands:
 * every field lands in its own command field; an event that does not fit is rejected on
 * its own with the field named; occurred_at may be at most 35 days old and 5 minutes ahead.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const ev = (type: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: 'ev-1', type, occurred_at: iso(NOW.getTime() - 60_000), data, ...extra });
const parse = (raw: unknown) => parseApiEvent(raw, NOW);
function ok(raw: unknown) {
  const r = parse(raw);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.message}`);
  return r.event;
}
function rejected(raw: unknown) {
  const r = parse(raw);
  if (r.ok) throw new Error('expected a rejection');
  return { id: r.id, ...r.error };
}

describe('parseApiEvent: call events', () => {
  const data = {
    call_id: 'call-7',
    agent: { id: 'ag-3', name: 'Ava' },
    direction: 'outbound',
    status: 'busy',
    caller_number: '+15550007',
    started_at: '2026-11-20T11:00:00Z',
    ended_at: '2026-11-20T11:05:00+01:00',
    duration_seconds: 301,
    sentiment: 'negative',
    voice_provider: 'elevenlabs',
    avg_response_ms: 812,
    intent: 'refund',
    ended_reason: 'voicemail',
    metadata: { campaign: 'spring', n: 2 },
  };

  it('maps every field to its own command field', () => {
    const raw = ev('call.updated', data);
    const event = ok(raw);
    expect(event).toEqual({
      eventId: 'ev-1',
      occurredAt: new Date(NOW.getTime() - 60_000),
      payloadHash: payloadHash(raw),
      type: 'call.updated',
      commands: [
        {
          kind: 'call.upsert',
          callExternalId: 'call-7',
          impliedStatus: null,
          fields: {
            agent: { externalId: 'ag-3', name: 'Ava' },
            direction: 'outbound',
            status: 'busy',
            callerNumber: '+15550007',
            startedAt: new Date('2026-11-20T11:00:00Z'),
            endedAt: new Date('2026-11-20T10:05:00Z'),
            durationSeconds: 301,
            sentiment: 'negative',
            voiceProvider: 'elevenlabs',
            avgResponseMs: 812,
            intent: 'refund',
            endedReason: 'voicemail',
            metadata: { campaign: 'spring', n: 2 },
          },
        },
      ],
    });
  });

  it('absent fields are null; started implies in_progress, ended implies completed, updated nothing', () => {
    const implied = (type: string) => {
      const command = ok(ev(type, { call_id: 'c' })).commands[0]!;
      return command.kind === 'call.upsert' ? command.impliedStatus : 'not a call';
    };
    expect([implied('call.started'), implied('call.updated'), implied('call.ended')]).toEqual(['in_progress', null, 'completed']);
    const [command] = ok(ev('call.ended', { call_id: 'c', agent: { id: 'a' }, duration_seconds: 0, avg_response_ms: 0 })).commands;
    expect(command).toEqual({
      kind: 'call.upsert',
      callExternalId: 'c',
      impliedStatus: 'completed',
      fields: {
        agent: { externalId: 'a', name: null },
        direction: null,
        status: null,
        callerNumber: null,
        startedAt: null,
        endedAt: null,
        durationSeconds: 0,
        sentiment: null,
        voiceProvider: null,
        avgResponseMs: 0,
        intent: null,
        endedReason: null,
        metadata: null,
      },
    });
  });

  it('rejects a bad field with its path and the reason, keeping the event id', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...data, call_id: '' }, 'data.call_id'],
      [{ ...data, call_id: 'x'.repeat(256) }, 'data.call_id'],
      [{ ...data, agent: { name: 'no id' } }, 'data.agent.id'],
      [{ ...data, agent: { id: 'a', name: '' } }, 'data.agent.name'],
      [{ ...data, agent: { id: 'a', extra: 1 } }, 'data.agent'],
      [{ ...data, direction: 'sideways' }, 'data.direction'],
      [{ ...data, status: 'ended' }, 'data.status'],
      [{ ...data, caller_number: '1'.repeat(65) }, 'data.caller_number'],
      [{ ...data, started_at: '2026-11-20T11:00:00' }, 'data.started_at'],
      [{ ...data, ended_at: 'yesterday' }, 'data.ended_at'],
      [{ ...data, duration_seconds: -1 }, 'data.duration_seconds'],
      [{ ...data, duration_seconds: 1.5 }, 'data.duration_seconds'],
      [{ ...data, duration_seconds: 2_147_483_648 }, 'data.duration_seconds'],
      [{ ...data, sentiment: 'thrilled' }, 'data.sentiment'],
      [{ ...data, voice_provider: '' }, 'data.voice_provider'],
      [{ ...data, voice_provider: 'v'.repeat(101) }, 'data.voice_provider'],
      [{ ...data, avg_response_ms: -5 }, 'data.avg_response_ms'],
      [{ ...data, intent: 'i'.repeat(256) }, 'data.intent'],
      [{ ...data, ended_reason: '' }, 'data.ended_reason'],
      [{ ...data, metadata: 'text' }, 'data.metadata'],
      [{ ...data, provider: 'twilio' }, 'data'],
    ];
    for (const [bad, field] of cases) {
      const r = rejected(ev('call.updated', bad));
      expect([r.id, r.field], JSON.stringify(bad)).toEqual(['ev-1', field]);
      expect(r.message.startsWith(`${field}: `)).toBe(true);
    }
    // the longest values allowed pass
    expect(ok(ev('call.updated', { ...data, call_id: 'x'.repeat(255), caller_number: '1'.repeat(64), voice_provider: 'v'.repeat(100), duration_seconds: 2_147_483_647 })).eventId).toBe('ev-1');
  });

  it('names the event-level field: id, type, occurred_at, data, unknown keys', () => {
    expect(rejected({ ...ev('call.started', data), id: '' })).toMatchObject({ id: '', field: 'id' });
    expect(rejected({ ...ev('call.started', data), id: 'i'.repeat(256) })).toMatchObject({ field: 'id' });
    expect(rejected({ ...ev('call.started', data), id: 7 })).toMatchObject({ id: '', field: 'id' });
    expect(rejected({ ...ev('call.exploded', data) })).toMatchObject({ id: 'ev-1', field: 'type' });
    expect(rejected({ ...ev('call.started', data), occurred_at: 'soon' })).toMatchObject({ field: 'occurred_at' });
    expect(rejected({ ...ev('call.started', data), data: undefined })).toMatchObject({ field: 'data' });
    expect(rejected({ ...ev('call.started', data), workspace_id: 'w' })).toMatchObject({ field: 'body' });
    expect(rejected(null)).toMatchObject({ id: '' });
    expect(rejected(undefined)).toMatchObject({ id: '', field: 'body' });
    expect(rejected('ev-1')).toMatchObject({ id: '' });
  });
});

describe('parseApiEvent: usage events', () => {
  it('maps every field; money stays an exact string; a JSON number becomes its decimal string', () => {
    const [command] = ok(ev('usage.recorded', { call_id: 'call-9', provider: 'openai', usage_type: 'llm_tokens', quantity: 1500, cost: '0.123456', billed: 0.25 })).commands;
    expect(command).toEqual({ kind: 'usage.record', callExternalId: 'call-9', provider: 'openai', usageType: 'llm_tokens', quantity: '1500', cost: '0.123456', billed: '0.25' });
    const [bare] = ok(ev('usage.recorded', { provider: 'twilio', usage_type: 'minutes', quantity: '2.5', cost: 0 })).commands;
    expect(bare).toEqual({ kind: 'usage.record', callExternalId: null, provider: 'twilio', usageType: 'minutes', quantity: '2.5', cost: '0', billed: null });
  });

  it('refuses negative, over-long and over-precise money, and names the field', () => {
    const base = { provider: 'p', usage_type: 'u', quantity: '1', cost: '1' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, cost: '-1' }, 'data.cost'],
      [{ ...base, cost: -1 }, 'data.cost'],
      [{ ...base, cost: '0.0000001' }, 'data.cost'],
      [{ ...base, cost: 1e-7 }, 'data.cost'], // String(1e-7) is "1e-7"
      [{ ...base, quantity: '1234567890123' }, 'data.quantity'],
      [{ ...base, billed: '1.1234567' }, 'data.billed'],
      [{ ...base, provider: '' }, 'data.provider'],
      [{ ...base, usage_type: 'u'.repeat(101) }, 'data.usage_type'],
      [{ ...base, call_id: '' }, 'data.call_id'],
      [{ ...base, duration_seconds: 3 }, 'data'],
    ];
    for (const [bad, field] of cases) expect(rejected(ev('usage.recorded', bad)).field, JSON.stringify(bad)).toBe(field);
    expect(rejected(ev('usage.recorded', { ...base, cost: '1.1234567' })).message).toBe(
      'data.cost: must be a non-negative decimal with at most 12 integer digits and 6 decimal places',
    );
  });
});

describe('parseApiEvent: time window', () => {
  const at = (ms: number) => ev('call.started', { call_id: 'c' }, { occurred_at: iso(ms) });

  it('accepts exactly 35 days old and exactly 5 minutes ahead, nothing beyond', () => {
    expect(MAX_AGE_MS).toBe(35 * 24 * 60 * 60 * 1000);
    expect(MAX_AHEAD_MS).toBe(5 * 60 * 1000);
    const oldest = NOW.getTime() - 35 * 86_400_000;
    const latest = NOW.getTime() + 5 * 60_000;
    expect(ok(at(oldest)).occurredAt.getTime()).toBe(oldest);
    expect(ok(at(latest)).occurredAt.getTime()).toBe(latest);
    expect(rejected(at(oldest - 1))).toEqual({ id: 'ev-1', field: 'occurred_at', message: 'occurred_at: must be at most 35 days in the past' });
    expect(rejected(at(latest + 1))).toEqual({ id: 'ev-1', field: 'occurred_at', message: 'occurred_at: must be at most 5 minutes in the future' });
  });
});

describe('payload hash', () => {
  it('is the hash of the event as received: key order does not matter, any value does', () => {
    const raw = ev('call.ended', { call_id: 'c', status: 'failed', metadata: { a: 1, b: [1, 2] } });
    const reordered = { data: { metadata: { b: [1, 2], a: 1 }, status: 'failed', call_id: 'c' }, occurred_at: raw.occurred_at, type: raw.type, id: raw.id };
    expect(ok(reordered).payloadHash).toBe(ok(raw).payloadHash);
    expect(ok(raw).payloadHash).toBe(payloadHash(raw));
    const changed = { ...raw, data: { ...raw.data, metadata: { a: 1, b: [2, 1] } } };
    expect(ok(changed).payloadHash).not.toBe(ok(raw).payloadHash);
  });
});

describe('request body', () => {
  it('is a batch of 1 to 1,000 events or one bare event', () => {
    expect(MAX_BATCH_EVENTS).toBe(1000);
    expect(MAX_BODY_BYTES).toBe(1_048_576);
    const one = ev('call.started', { call_id: 'c' });
    expect(requestSchema.safeParse({ events: [one] }).success).toBe(true);
    expect(requestSchema.safeParse({ events: Array.from({ length: 1000 }, () => one) }).success).toBe(true);
    expect(requestSchema.safeParse({ events: Array.from({ length: 1001 }, () => one) }).success).toBe(false);
    expect(requestSchema.safeParse({ events: [] }).success).toBe(false);
    expect(requestSchema.safeParse(one).success).toBe(true);
    expect(requestSchema.safeParse({ events: [one], extra: 1 }).success).toBe(false);
  });

  it('its JSON Schema documents the fields a sender needs explained', () => {
    const schema = requestJsonSchema();
    expect(schema.title).toBe('VoiceDash events: POST /api/v1/events');
    const text = JSON.stringify(schema);
    for (const phrase of [
      'client-chosen, unique per workspace: the idempotency key',
      'ISO 8601 instant with Z or an offset',
      "the platform's own call id: one call per workspace and id",
      "the platform's agent id",
      'used when the agent is first seen',
      'moves forward only: queued < ringing < in_progress < completed|failed|no_answer|busy|canceled',
      'the call this usage belongs to (optional)',
      'what the provider charged, USD',
      "what the workspace is billed; default cost × the tier's markup, half-even to 6 places",
      'decimal string (exact) or JSON number, >= 0, at most 6 decimal places',
    ]) {
      expect(text).toContain(JSON.stringify(phrase).slice(1, -1));
    }
  });
});
