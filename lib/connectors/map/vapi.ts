import type { CallFields, IngestCommand, UsageRecordCommand } from '@/lib/ingest';
import type { CallStatus } from '@/lib/generated/prisma/enums';
import { quantity, usdFromDollars } from '../money';
import { classifyVapiEndedReason, safeDefault } from '../status';
import { arr, isoDate, isObj, num, obj, providerSlug, requiredStr, secondsBetween, str, type Obj } from './read';
import { MappingError, type MapContext, type MappedDelivery } from './types';

/**
 * Vapi server messages (`{ "message": { "type", "call", … } }`) → commands. Two kinds carry
 * call data: `end-of-call-report` (everything: times, reason, costs, analysis) and
 * `status-update` (moves the status forward). Every other kind is ignored.
 * The mapping, field by field, is the table in docs/METRICS.md ("Connectors").
 */

const IGNORED = new Set([
  'transcript',
  'speech-update',
  'conversation-update',
  'model-output',
  'hang',
  'user-interrupted',
  'voice-input',
  'phone-call-control',
  'transfer-update',
  'language-change-detected',
  'assistant-started',
  'tool-calls',
  'assistant-request',
  'transfer-destination-request',
  'knowledge-base-request',
  'voice-request',
  'call-endpointing-request',
  'chat.created',
  'chat.deleted',
  'session.created',
  'session.updated',
  'session.deleted',
]);

const STATUS: Record<string, CallStatus> = {
  scheduled: 'queued',
  queued: 'queued',
  ringing: 'ringing',
  'in-progress': 'in_progress',
  forwarding: 'in_progress',
};

export function mapVapi(body: unknown, ctx: MapContext): MappedDelivery {
  if (!isObj(body) || !isObj(body.message)) return { result: 'rejected', eventType: null, callExternalId: null, reason: 'message: missing (expected { "message": { "type", "call" } })' };
  const message = body.message;
  const type = typeof message.type === 'string' ? message.type : null;
  const callId = isObj(message.call) && typeof message.call.id === 'string' ? message.call.id : null;
  if (!type) return { result: 'rejected', eventType: null, callExternalId: callId, reason: 'message.type: missing' };
  if (type !== 'end-of-call-report' && type !== 'status-update') {
    return IGNORED.has(type)
      ? { result: 'ignored', eventType: type, callExternalId: callId, reason: `${type} messages carry no call data` }
      : { result: 'rejected', eventType: type, callExternalId: callId, reason: `message.type: unknown kind ${type}` };
  }
  try {
    return type === 'end-of-call-report' ? endOfCallReport(message, ctx) : statusUpdate(message, ctx);
  } catch (error) {
    if (error instanceof MappingError) return { result: 'rejected', eventType: type, callExternalId: callId, reason: error.message };
    throw error;
  }
}

/** The fields both kinds say about the call itself: agent, direction, caller. */
function callContext(message: Obj): { id: string; fields: CallFields } {
  const call = obj(message.call, 'message.call');
  if (!call) throw new MappingError('message.call: missing');
  const id = requiredStr(call.id, 'message.call.id');
  const fields: CallFields = {};
  const callType = str(call.type, 'message.call.type');
  if (callType === 'outboundPhoneCall') fields.direction = 'outbound';
  else if (callType) fields.direction = 'inbound';
  const web = callType === 'webCall' || callType === 'vapi.websocketCall';
  const customer = obj(message.customer, 'message.customer') ?? obj(call.customer, 'message.call.customer');
  if (!web) {
    const number = str(customer?.number, 'message.customer.number');
    if (number) fields.callerNumber = number;
  }
  const assistant = obj(message.assistant, 'message.assistant');
  const assistantId = str(assistant?.id, 'message.assistant.id') ?? str(call.assistantId, 'message.call.assistantId');
  if (assistantId) fields.agent = { externalId: assistantId, name: str(assistant?.name, 'message.assistant.name') };
  const voice = obj(assistant?.voice, 'message.assistant.voice');
  const voiceProvider = str(voice?.provider, 'message.assistant.voice.provider');
  if (voiceProvider) fields.voiceProvider = providerSlug(voiceProvider);
  return { id, fields };
}

function occurredAt(message: Obj, fallback: Date | null, ctx: MapContext): Date {
  const ts = num(message.timestamp, 'message.timestamp');
  if (ts !== null) return new Date(Math.trunc(ts < 1e11 ? ts * 1000 : ts));
  return fallback ?? ctx.receivedAt;
}

function endOfCallReport(message: Obj, ctx: MapContext): MappedDelivery {
  const { id, fields } = callContext(message);
  const call = message.call as Obj;
  const startedAt = isoDate(message.startedAt, 'message.startedAt') ?? isoDate(call.startedAt, 'message.call.startedAt');
  const endedAt = isoDate(message.endedAt, 'message.endedAt') ?? isoDate(call.endedAt, 'message.call.endedAt');
  if (startedAt) fields.startedAt = startedAt;
  if (endedAt) fields.endedAt = endedAt;
  // The report has no duration field: ended − started.
  const duration = secondsBetween(startedAt, endedAt);
  if (duration !== null) fields.durationSeconds = duration;

  const reason = str(message.endedReason, 'message.endedReason') ?? str(call.endedReason, 'message.call.endedReason');
  const metadata: Record<string, unknown> = {};
  fields.status = reason ? (classifyVapiEndedReason(reason) ?? safeDefault((duration ?? 0) > 0)) : safeDefault((duration ?? 0) > 0);
  if (reason) {
    fields.endedReason = reason;
    metadata.ended_reason = reason;
  }

  const analysis = obj(message.analysis, 'message.analysis');
  if (analysis) {
    const summary = str(analysis.summary, 'message.analysis.summary');
    if (summary) metadata.summary = summary;
    const success = analysis.successEvaluation;
    if (success !== undefined && success !== null) metadata.success_evaluation = typeof success === 'string' ? success : JSON.stringify(success);
  }
  const artifact = obj(message.artifact, 'message.artifact');
  const metrics = obj(artifact?.performanceMetrics, 'message.artifact.performanceMetrics');
  const latency = num(metrics?.turnLatencyAverage, 'message.artifact.performanceMetrics.turnLatencyAverage');
  if (latency !== null) fields.avgResponseMs = Math.round(latency);
  if (Object.keys(metadata).length) fields.metadata = metadata;

  const usage = costLines(message, id);
  const voiceLine = arr(message.costs, 'message.costs').find((c) => isObj(c) && c.type === 'voice') as Obj | undefined;
  const voiceProvider = voiceLine && isObj(voiceLine.voice) && typeof voiceLine.voice.provider === 'string' ? voiceLine.voice.provider : null;
  if (!fields.voiceProvider && voiceProvider) fields.voiceProvider = providerSlug(voiceProvider);

  const commands: IngestCommand[] = [{ kind: 'call.upsert', callExternalId: id, fields }, ...usage];
  return { result: 'mapped', eventType: 'end-of-call-report', callExternalId: id, occurredAt: occurredAt(message, endedAt, ctx), rank: 2, commands };
}

function statusUpdate(message: Obj, ctx: MapContext): MappedDelivery {
  const { id, fields } = callContext(message);
  const status = requiredStr(message.status, 'message.status');
  const call = message.call as Obj;
  const startedAt = isoDate(call.startedAt, 'message.call.startedAt');
  if (startedAt) fields.startedAt = startedAt;
  let impliedStatus: CallStatus | null = null;
  if (status === 'ended') {
    const reason = str(message.endedReason, 'message.endedReason');
    if (reason) {
      fields.endedReason = reason;
      fields.metadata = { ended_reason: reason };
      const outcome = classifyVapiEndedReason(reason);
      // An unknown reason waits for the end-of-call-report (it knows the duration).
      if (outcome) fields.status = outcome;
      else impliedStatus = 'completed';
    } else impliedStatus = 'completed';
  } else if (STATUS[status]) {
    fields.status = STATUS[status];
  } else {
    // not-found, deletion-failed and future values say nothing about the call's progress.
    return { result: 'ignored', eventType: 'status-update', callExternalId: id, reason: `status ${status} says nothing about the call` };
  }
  const commands: IngestCommand[] = [{ kind: 'call.upsert', callExternalId: id, fields, impliedStatus }];
  return { result: 'mapped', eventType: 'status-update', callExternalId: id, occurredAt: occurredAt(message, startedAt, ctx), rank: 1, commands };
}

const USAGE_TYPE: Record<string, string> = {
  transport: 'telephony_minutes',
  transcriber: 'stt_minutes',
  model: 'llm_tokens',
  voice: 'tts_characters',
  vapi: 'platform_minutes',
  analysis: 'analysis',
};

/** `costs[]`: one usage record per item, provider cost in USD, keyed (call, item) so a re-delivery replaces it. */
function costLines(message: Obj, callId: string): UsageRecordCommand[] {
  const items = arr(message.costs, 'message.costs');
  const seen = new Map<string, number>();
  const lines: UsageRecordCommand[] = [];
  items.forEach((raw, i) => {
    const field = `message.costs.${i}`;
    if (!isObj(raw)) throw new MappingError(`${field}: must be an object`);
    const type = requiredStr(raw.type, `${field}.type`);
    const cost = usdFromDollars(raw.cost);
    if (cost === null) throw new MappingError(`${field}.cost: must be a number (USD)`);
    let provider = 'vapi';
    let qty: string | null = null;
    let sub = '';
    switch (type) {
      case 'transport':
        provider = str(raw.provider, `${field}.provider`) ?? 'vapi';
        qty = quantity(raw.minutes);
        break;
      case 'transcriber':
        provider = str(obj(raw.transcriber, `${field}.transcriber`)?.provider, `${field}.transcriber.provider`) ?? 'vapi';
        qty = quantity(raw.minutes);
        break;
      case 'model':
        provider = str(obj(raw.model, `${field}.model`)?.provider, `${field}.model.provider`) ?? 'vapi';
        qty = tokens(raw);
        break;
      case 'voice':
        provider = str(obj(raw.voice, `${field}.voice`)?.provider, `${field}.voice.provider`) ?? 'vapi';
        qty = quantity(raw.characters);
        break;
      case 'vapi':
        qty = quantity(raw.minutes);
        sub = str(raw.subType, `${field}.subType`) ?? '';
        break;
      case 'analysis':
        provider = str(obj(raw.model, `${field}.model`)?.provider, `${field}.model.provider`) ?? 'vapi';
        qty = tokens(raw);
        sub = str(raw.analysisType, `${field}.analysisType`) ?? '';
        break;
      default:
        // A cost kind we do not know still costs money: kept under its own usage type.
        qty = quantity(raw.minutes) ?? quantity(raw.characters) ?? null;
    }
    const base = `${type}${sub ? `.${sub}` : ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    lines.push({
      kind: 'usage.record',
      callExternalId: callId,
      lineKey: `${callId}:${base}${n ? `#${n}` : ''}`,
      provider: providerSlug(provider),
      usageType: USAGE_TYPE[type] ?? type.replace(/[^a-z0-9]+/gi, '_').toLowerCase(),
      quantity: qty ?? '0.000000',
      cost,
    });
  });
  if (lines.length === 0) {
    // No breakdown: the report's total as one platform line, so the cost is not lost.
    const total = usdFromDollars(message.cost);
    if (total !== null && total !== '0.000000') {
      lines.push({ kind: 'usage.record', callExternalId: callId, lineKey: `${callId}:total`, provider: 'vapi', usageType: 'platform_minutes', quantity: '0.000000', cost: total });
    }
  }
  return lines;
}

function tokens(item: Obj): string | null {
  const prompt = typeof item.promptTokens === 'number' ? item.promptTokens : 0;
  const completion = typeof item.completionTokens === 'number' ? item.completionTokens : 0;
  return quantity(prompt + completion);
}
