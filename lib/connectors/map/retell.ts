import type { CallFields, IngestCommand, UsageRecordCommand } from '@/lib/ingest';
import type { CallStatus, Sentiment } from '@/lib/generated/prisma/enums';
import { minutesFromSeconds, usdFromCents } from '../money';
import { classifyRetellDisconnection, safeDefault } from '../status';
import { arr, bool, epochMs, isObj, num, obj, providerSlug, requiredStr, str, type Obj } from './read';
import { MappingError, type MapContext, type MappedDelivery } from './types';

/**
 * Retell webhooks (`{ "event", "call" }`) → commands. Each call arrives two or three times
 * (call_started, call_ended, call_analyzed; a call that never connected has no
 * call_started); all upsert the same call by `call_id`. Money is in CENTS.
 */

const RANK: Record<string, number> = { call_started: 0, call_ended: 1, call_analyzed: 2 };

const SENTIMENT: Record<string, Sentiment | null> = { positive: 'positive', negative: 'negative', neutral: 'neutral', unknown: null };

const CALL_STATUS: Record<string, CallStatus> = { registered: 'queued', ongoing: 'in_progress' };

export function mapRetell(body: unknown, ctx: MapContext): MappedDelivery {
  if (!isObj(body)) return { result: 'rejected', eventType: null, callExternalId: null, reason: 'body: must be an object { "event", "call" }' };
  const event = typeof body.event === 'string' ? body.event : null;
  const callId = isObj(body.call) && typeof body.call.call_id === 'string' ? body.call.call_id : null;
  if (!event) return { result: 'rejected', eventType: null, callExternalId: callId, reason: 'event: missing' };
  if (!(event in RANK)) {
    return event === 'transcript_updated' || event.startsWith('transfer_')
      ? { result: 'ignored', eventType: event, callExternalId: callId, reason: `${event} carries no call data we use` }
      : { result: 'rejected', eventType: event, callExternalId: callId, reason: `event: unknown kind ${event}` };
  }
  try {
    return mapCall(event, body, ctx);
  } catch (error) {
    if (error instanceof MappingError) return { result: 'rejected', eventType: event, callExternalId: callId, reason: error.message };
    throw error;
  }
}

function mapCall(event: string, body: Obj, ctx: MapContext): MappedDelivery {
  const call = obj(body.call, 'call');
  if (!call) throw new MappingError('call: missing');
  const id = requiredStr(call.call_id, 'call.call_id');
  const fields: CallFields = {};
  const agentId = str(call.agent_id, 'call.agent_id');
  if (agentId) fields.agent = { externalId: agentId, name: str(call.agent_name, 'call.agent_name') };

  const callType = str(call.call_type, 'call.call_type');
  const direction = str(call.direction, 'call.direction');
  if (direction === 'outbound') fields.direction = 'outbound';
  else if (direction === 'inbound' || callType === 'web_call') fields.direction = 'inbound';
  // The customer's number: the caller of an inbound call, the callee of an outbound one.
  const customer = direction === 'outbound' ? str(call.to_number, 'call.to_number') : str(call.from_number, 'call.from_number');
  if (customer && callType !== 'web_call') fields.callerNumber = customer;

  const startedAt = epochMs(call.start_timestamp, 'call.start_timestamp');
  const endedAt = epochMs(call.end_timestamp, 'call.end_timestamp');
  if (startedAt) fields.startedAt = startedAt;
  if (endedAt) fields.endedAt = endedAt;
  const durationMs = num(call.duration_ms, 'call.duration_ms');
  if (durationMs !== null) fields.durationSeconds = Math.round(durationMs / 1000);
  const metadata: Record<string, unknown> = {};

  const reason = str(call.disconnection_reason, 'call.disconnection_reason');
  const callStatus = str(call.call_status, 'call.call_status');
  let impliedStatus: CallStatus | null = null;
  if (reason) {
    fields.endedReason = reason;
    metadata.ended_reason = reason;
    fields.status = classifyRetellDisconnection(reason) ?? safeDefault((durationMs ?? 0) > 0);
  } else if (callStatus === 'error' || callStatus === 'not_connected') {
    fields.status = 'failed';
  } else if (callStatus && CALL_STATUS[callStatus]) {
    fields.status = CALL_STATUS[callStatus];
  } else {
    impliedStatus = event === 'call_started' ? 'in_progress' : safeDefault((durationMs ?? 0) > 0);
  }

  const latency = obj(call.latency, 'call.latency');
  const e2e = obj(latency?.e2e, 'call.latency.e2e');
  const p50 = num(e2e?.p50, 'call.latency.e2e.p50');
  if (p50 !== null) fields.avgResponseMs = Math.round(p50);

  const analysis = obj(call.call_analysis, 'call.call_analysis');
  if (analysis) {
    const sentiment = str(analysis.user_sentiment, 'call.call_analysis.user_sentiment');
    if (sentiment) {
      const key = sentiment.toLowerCase();
      if (!(key in SENTIMENT)) throw new MappingError(`call.call_analysis.user_sentiment: unknown value ${sentiment}`);
      fields.sentiment = SENTIMENT[key];
    }
    const summary = str(analysis.call_summary, 'call.call_analysis.call_summary');
    if (summary) metadata.summary = summary;
    const successful = bool(analysis.call_successful, 'call.call_analysis.call_successful');
    if (successful !== null) metadata.call_successful = successful;
    const voicemail = bool(analysis.in_voicemail, 'call.call_analysis.in_voicemail');
    if (voicemail !== null) metadata.in_voicemail = voicemail;
  }
  if (Object.keys(metadata).length) fields.metadata = metadata;

  const usage = costLines(call, id);
  const tts = usage.find((line) => line.usageType === 'tts_minutes' && line.provider !== 'retell');
  if (tts) fields.voiceProvider = tts.provider;

  const commands: IngestCommand[] = [{ kind: 'call.upsert', callExternalId: id, fields, impliedStatus }, ...usage];
  const at = event === 'call_started' ? (startedAt ?? ctx.receivedAt) : (endedAt ?? startedAt ?? ctx.receivedAt);
  return { result: 'mapped', eventType: event, callExternalId: id, occurredAt: at, rank: RANK[event]!, commands };
}

// Product names → (our usage type, provider). Retell bills each product per second of the call.
const VENDORS = ['elevenlabs', 'cartesia', 'openai', 'deepgram', 'twilio', 'telnyx', 'vonage', 'anthropic', 'claude', 'gemini', 'google', 'azure', 'playht', 'minimax', 'fish'];

function category(product: string): string {
  const p = product.toLowerCase();
  if (/tts|voice|elevenlabs|cartesia|playht|minimax|fish/.test(p)) return 'tts';
  if (/llm|gpt|claude|gemini|anthropic|model/.test(p)) return 'llm';
  if (/stt|asr|transcri|deepgram/.test(p)) return 'stt';
  if (/telephony|twilio|telnyx|vonage|phone|sip/.test(p)) return 'telephony';
  return 'platform';
}

function vendor(product: string): string {
  const p = product.toLowerCase();
  const found = VENDORS.find((v) => p.includes(v));
  if (found === 'claude') return 'anthropic';
  if (!found && /gpt|o[134]-/.test(p)) return 'openai';
  if (found === 'gemini') return 'google';
  return found ?? 'retell';
}

function costLines(call: Obj, callId: string): UsageRecordCommand[] {
  const cost = obj(call.call_cost, 'call.call_cost');
  if (!cost) return [];
  const seconds = num(cost.total_duration_seconds, 'call.call_cost.total_duration_seconds') ?? (typeof call.duration_ms === 'number' ? call.duration_ms / 1000 : 0);
  const minutes = minutesFromSeconds(seconds) ?? '0.000000';
  const seen = new Map<string, number>();
  const lines: UsageRecordCommand[] = arr(cost.product_costs, 'call.call_cost.product_costs').map((raw, i) => {
    const field = `call.call_cost.product_costs.${i}`;
    if (!isObj(raw)) throw new MappingError(`${field}: must be an object`);
    const product = requiredStr(raw.product, `${field}.product`);
    const usd = usdFromCents(raw.cost);
    if (usd === null) throw new MappingError(`${field}.cost: must be a number (cents)`);
    const transfer = raw.is_transfer_leg_cost === true ? ':transfer' : '';
    const base = `${product}${transfer}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      kind: 'usage.record',
      callExternalId: callId,
      lineKey: `${callId}:${base}${n ? `#${n}` : ''}`,
      provider: providerSlug(vendor(product)),
      usageType: `${category(product)}_minutes`,
      quantity: minutes,
      cost: usd,
    };
  });
  if (lines.length === 0) {
    const combined = usdFromCents(cost.combined_cost);
    if (combined !== null && combined !== '0.000000') {
      lines.push({ kind: 'usage.record', callExternalId: callId, lineKey: `${callId}:combined`, provider: 'retell', usageType: 'platform_minutes', quantity: minutes, cost: combined });
    }
  }
  return lines;
}
