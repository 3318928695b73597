import { describe, expect, it } from 'vitest';
import { mapDelivery } from '@/lib/connectors/map';
import { classifyRetellDisconnection, classifyVapiEndedReason } from '@/lib/connectors/status';
import { usdFromCents, usdFromDollars } from '@/lib/connectors/money';
import type { CallUpsertCommand, UsageRecordCommand } from '@/lib/ingest';
import * as f from './fixtures';

const ctx = { receivedAt: new Date('2026-11-10T16:00:00Z') };
const mapped = (platform: 'vapi' | 'retell' | 'bland', body: unknown) => {
  const m = mapDelivery(platform, body, ctx);
  if (m.result !== 'mapped') throw new Error(`expected mapped, got ${m.result}: ${m.reason}`);
  const call = m.commands.find((c): c is CallUpsertCommand => c.kind === 'call.upsert')!;
  const usage = m.commands.filter((c): c is UsageRecordCommand => c.kind === 'usage.record');
  return { ...m, call, usage };
};

describe('money', () => {
  it('converts dollars and cents exactly, half-even at the micro-dollar', () => {
    expect(usdFromDollars(0.0123456789)).toBe('0.012346');
    expect(usdFromDollars(0.0000005)).toBe('0.000000'); // half-even: 0.0000005 → 0
    expect(usdFromDollars(0.0000015)).toBe('0.000002');
    expect(usdFromDollars(1e-7)).toBe('0.000000');
    expect(usdFromDollars('12.345678')).toBe('12.345678');
    expect(usdFromCents(12.5)).toBe('0.125000');
    expect(usdFromCents(3.333)).toBe('0.033330');
    expect(usdFromCents(0.1 + 0.2)).toBe('0.003000'); // 0.30000000000000004 cents
    expect(usdFromCents(0.00005)).toBe('0.000000'); // 5e-7 USD, half-even → 0
    expect(usdFromDollars('abc')).toBeNull();
    expect(usdFromDollars(Number.NaN)).toBeNull();
  });
});

describe('Vapi mapping', () => {
  it('end-of-call-report: call fields, status, metadata, latency and one usage record per cost item', () => {
    const m = mapped('vapi', f.vapiReport1);
    expect(m.eventType).toBe('end-of-call-report');
    expect(m.callExternalId).toBe('vapi-call-1');
    expect(m.occurredAt.toISOString()).toBe('2026-11-10T14:03:31.000Z');
    expect(m.call.fields).toEqual({
      agent: { externalId: 'asst-1', name: 'Reception' },
      direction: 'outbound',
      callerNumber: '+15550001111',
      startedAt: new Date('2026-11-10T14:00:00.000Z'),
      endedAt: new Date('2026-11-10T14:03:30.500Z'),
      durationSeconds: 211,
      status: 'completed',
      endedReason: 'customer-ended-call',
      avgResponseMs: 812,
      voiceProvider: '11labs',
      metadata: { ended_reason: 'customer-ended-call', summary: 'Caller rescheduled a cleaning to Friday.', success_evaluation: 'true' },
    });
    expect(m.usage.map((u) => [u.lineKey, u.provider, u.usageType, u.quantity, u.cost])).toEqual([
      ['vapi-call-1:transport', 'twilio', 'telephony_minutes', '3.508300', '0.029800'],
      ['vapi-call-1:transcriber', 'deepgram', 'stt_minutes', '3.508300', '0.035700'],
      ['vapi-call-1:model', 'openai', 'llm_tokens', '1500.000000', '0.012346'],
      ['vapi-call-1:voice', '11labs', 'tts_characters', '840.000000', '0.050400'],
      ['vapi-call-1:vapi.normal', 'vapi', 'platform_minutes', '3.508300', '0.175000'],
      ['vapi-call-1:analysis.summary', 'openai', 'analysis', '960.000000', '0.001100'],
    ]);
    expect(m.usage.every((u) => u.callExternalId === 'vapi-call-1' && u.billed === undefined)).toBe(true);
  });

  it('web call: inbound, no caller; unknown endedReason → completed when connected; missing analysis is fine', () => {
    const m = mapped('vapi', f.vapiReport2);
    expect(m.call.fields).toMatchObject({ direction: 'inbound', durationSeconds: 45, status: 'completed', endedReason: 'brand-new-reason-from-2027' });
    expect(m.call.fields.callerNumber).toBeUndefined();
    expect(m.call.fields.agent).toEqual({ externalId: 'asst-2', name: null });
    expect(m.call.fields.metadata).toEqual({ ended_reason: 'brand-new-reason-from-2027' });
  });

  it('never answered: no times, no_answer; a pipeline error is failed', () => {
    const never = mapped('vapi', f.vapiReport3);
    expect(never.call.fields).toMatchObject({ status: 'no_answer', callerNumber: '+15550003333' });
    expect(never.call.fields.startedAt).toBeUndefined();
    expect(never.call.fields.durationSeconds).toBeUndefined();
    expect(mapped('vapi', f.vapiReport4).call.fields.status).toBe('failed');
  });

  it('status-update moves the status; transcript messages are ignored; garbage is rejected with the field', () => {
    const ringing = mapped('vapi', f.vapiRinging3);
    expect(ringing.eventType).toBe('status-update');
    expect(ringing.call.fields.status).toBe('ringing');
    expect(mapped('vapi', f.vapiLateStatus1).call.fields).toMatchObject({ status: 'in_progress', startedAt: new Date('2026-11-10T14:00:00.000Z') });
    expect(mapDelivery('vapi', f.vapiTranscript, ctx)).toMatchObject({ result: 'ignored', eventType: 'transcript', callExternalId: 'vapi-call-1' });
    expect(mapDelivery('vapi', { hello: 1 }, ctx)).toMatchObject({ result: 'rejected', reason: expect.stringMatching(/^message/) });
    expect(mapDelivery('vapi', { message: { type: 'end-of-call-report', call: {} } }, ctx)).toMatchObject({ result: 'rejected', reason: 'message.call.id: missing' });
    const badCost = { message: { ...f.vapiReport1.message, costs: [{ type: 'voice', cost: 'lots' }] } };
    expect(mapDelivery('vapi', badCost, ctx)).toMatchObject({ result: 'rejected', callExternalId: 'vapi-call-1', reason: 'message.costs.0.cost: must be a number (USD)' });
  });

  it('classifies every documented endedReason family, with null for unknown ones', () => {
    const cases: [string, string | null][] = [
      ['customer-ended-call', 'completed'],
      ['assistant-ended-call', 'completed'],
      ['assistant-said-end-call-phrase', 'completed'],
      ['assistant-forwarded-call', 'completed'],
      ['silence-timed-out', 'completed'],
      ['exceeded-max-duration', 'completed'],
      ['customer-busy', 'busy'],
      ['customer-did-not-answer', 'no_answer'],
      ['voicemail', 'no_answer'],
      ['manually-canceled', 'canceled'],
      ['call.start.error-get-org', 'failed'],
      ['call.in-progress.error-sip-telephony-provider-failed-to-connect', 'failed'],
      ['pipeline-error-openai-llm-failed', 'failed'],
      ['pipeline-no-available-llm-model', 'failed'],
      ['assistant-error', 'failed'],
      ['phone-call-provider-closed-websocket', 'failed'],
      ['twilio-failed-to-connect-call', 'failed'],
      ['assistant-not-found', 'failed'],
      ['brand-new-reason', null],
    ];
    for (const [reason, status] of cases) expect([reason, classifyVapiEndedReason(reason)]).toEqual([reason, status]);
  });
});

describe('Retell mapping', () => {
  it('call_started, call_ended, call_analyzed upsert the same call; cents become USD exactly', () => {
    const started = mapped('retell', f.retellStarted1);
    expect(started).toMatchObject({ eventType: 'call_started', callExternalId: 'retell-call-1', rank: 0 });
    expect(started.call.fields).toMatchObject({ status: 'in_progress', direction: 'inbound', callerNumber: '+14155550100', agent: { externalId: 'agent_r1', name: 'Front Desk' } });
    expect(started.usage).toEqual([]);

    const ended = mapped('retell', f.retellEnded1);
    expect(ended.rank).toBe(1);
    expect(ended.occurredAt.toISOString()).toBe('2026-11-10T14:42:05.000Z');
    expect(ended.call.fields).toMatchObject({ status: 'completed', durationSeconds: 125, endedReason: 'user_hangup', avgResponseMs: 950, voiceProvider: 'elevenlabs' });
    expect(ended.call.fields.sentiment).toBeUndefined();
    expect(ended.usage.map((u) => [u.lineKey, u.provider, u.usageType, u.quantity, u.cost])).toEqual([
      ['retell-call-1:elevenlabs_tts', 'elevenlabs', 'tts_minutes', '2.083333', '0.072500'],
      ['retell-call-1:gpt_4o_mini', 'openai', 'llm_minutes', '2.083333', '0.005000'],
      ['retell-call-1:retell_platform', 'retell', 'platform_minutes', '2.083333', '0.047500'],
    ]);

    const analyzed = mapped('retell', f.retellAnalyzed1);
    expect(analyzed.rank).toBe(2);
    expect(analyzed.call.fields).toMatchObject({ sentiment: 'positive', metadata: { ended_reason: 'user_hangup', summary: 'Booked a table for four.', call_successful: true, in_voicemail: false } });
    expect(analyzed.usage.map((u) => u.lineKey)).toEqual(ended.usage.map((u) => u.lineKey));
  });

  it('a call that never connected: no_answer, Unknown sentiment → null, no usage; web call without numbers', () => {
    const m = mapped('retell', f.retellAnalyzed2);
    expect(m.call.fields).toMatchObject({ status: 'no_answer', direction: 'outbound', callerNumber: '+14155550222', durationSeconds: 0, sentiment: null });
    expect(m.usage).toEqual([]);
    const web = mapped('retell', f.retellAnalyzed3);
    expect(web.call.fields).toMatchObject({ direction: 'inbound', sentiment: 'negative', status: 'completed' });
    expect(web.call.fields.callerNumber).toBeUndefined();
    expect(web.usage.map((u) => u.cost)).toEqual(['0.033330']);
  });

  it('ignores transcript_updated, rejects the unknown', () => {
    expect(mapDelivery('retell', { event: 'transcript_updated', call: { call_id: 'x' } }, ctx)).toMatchObject({ result: 'ignored', callExternalId: 'x' });
    expect(mapDelivery('retell', { event: 'call_exploded', call: { call_id: 'x' } }, ctx)).toMatchObject({ result: 'rejected', reason: 'event: unknown kind call_exploded' });
    expect(mapDelivery('retell', { event: 'call_ended', call: { call_id: 'x', call_analysis: { user_sentiment: 'Elated' } } }, ctx)).toMatchObject({ result: 'rejected', reason: 'call.call_analysis.user_sentiment: unknown value Elated' });
    expect(mapDelivery('retell', [], ctx)).toMatchObject({ result: 'rejected' });
  });

  it('classifies disconnection reasons', () => {
    expect(classifyRetellDisconnection('user_hangup')).toBe('completed');
    expect(classifyRetellDisconnection('dial_busy')).toBe('busy');
    expect(classifyRetellDisconnection('dial_no_answer')).toBe('no_answer');
    expect(classifyRetellDisconnection('voicemail_reached')).toBe('no_answer');
    expect(classifyRetellDisconnection('dial_failed')).toBe('failed');
    expect(classifyRetellDisconnection('error_llm_websocket_open')).toBe('failed');
    expect(classifyRetellDisconnection('error_unknown')).toBe('failed');
    expect(classifyRetellDisconnection('something_new')).toBeNull();
  });
});

describe('Bland mapping', () => {
  it('one call object: direction, customer number, corrected_duration (seconds string), price as one usage record', () => {
    const m = mapped('bland', f.blandCall1);
    expect(m.call.fields).toMatchObject({ direction: 'inbound', callerNumber: '+12125550101', durationSeconds: 95, status: 'completed', endedReason: 'USER', metadata: { answered_by: 'human', call_ended_by: 'USER', summary: 'Asked about opening hours.', ended_reason: 'USER' } });
    expect(m.usage.map((u) => [u.lineKey, u.provider, u.usageType, u.quantity, u.cost])).toEqual([['bland-call-1:price', 'bland', 'platform_minutes', '1.583333', '0.142500']]);
    expect(m.occurredAt.toISOString()).toBe('2026-11-10T14:06:35.000Z');
  });

  it('call_length in minutes when there is no corrected_duration; voicemail → no_answer; zone-less times are UTC', () => {
    const m = mapped('bland', f.blandCall2);
    expect(m.call.fields).toMatchObject({ direction: 'outbound', callerNumber: '+12125550202', durationSeconds: 30, status: 'no_answer', startedAt: new Date('2026-11-10T14:15:00Z') });
    expect(m.usage[0]!.quantity).toBe('0.500000');
  });

  it('failed with an error message', () => {
    const m = mapped('bland', f.blandCall3);
    expect(m.call.fields).toMatchObject({ status: 'failed', endedReason: 'Invalid phone number', durationSeconds: 0 });
    expect(m.usage[0]!.cost).toBe('0.000000');
    expect(mapDelivery('bland', { inbound: true }, ctx)).toMatchObject({ result: 'rejected', reason: 'call_id: missing' });
  });
});
