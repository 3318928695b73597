import type { CallFields, IngestCommand } from '@/lib/ingest';
import { minutesFromSeconds, quantity, usdFromDollars } from '../money';
import { classifyBlandStatus, safeDefault } from '../status';
import { bool, isObj, isoDate, num, requiredStr, secondsBetween, str, type Obj } from './read';
import { MappingError, type MapContext, type MappedDelivery } from './types';

/**
 * Bland posts the whole call object once, when the call ends (and again on a retry).
 * One delivery → the call, and its `price` (USD) as one usage record.
 */
export function mapBland(body: unknown, ctx: MapContext): MappedDelivery {
  if (!isObj(body)) return { result: 'rejected', eventType: null, callExternalId: null, reason: 'body: must be the call object' };
  const callId = typeof body.call_id === 'string' ? body.call_id : null;
  try {
    return mapCall(body, ctx);
  } catch (error) {
    if (error instanceof MappingError) return { result: 'rejected', eventType: 'call', callExternalId: callId, reason: error.message };
    throw error;
  }
}

function mapCall(call: Obj, ctx: MapContext): MappedDelivery {
  const id = requiredStr(call.call_id, 'call_id');
  const fields: CallFields = {};
  const inbound = bool(call.inbound, 'inbound');
  if (inbound !== null) fields.direction = inbound ? 'inbound' : 'outbound';
  const customer = inbound === false ? str(call.to, 'to') : str(call.from, 'from');
  if (customer) fields.callerNumber = customer;
  const agent = str(call.pathway_id, 'pathway_id') ?? str(call.agent_id, 'agent_id');
  if (agent) fields.agent = { externalId: agent, name: str(call.pathway_name, 'pathway_name') };

  const startedAt = isoDate(call.started_at, 'started_at');
  const endedAt = isoDate(call.end_at, 'end_at');
  if (startedAt) fields.startedAt = startedAt;
  if (endedAt) fields.endedAt = endedAt;
  // corrected_duration is seconds as a string; else call_length, in minutes.
  const corrected = num(call.corrected_duration, 'corrected_duration');
  const lengthMinutes = num(call.call_length, 'call_length');
  const seconds = corrected !== null ? Math.round(corrected) : lengthMinutes !== null ? Math.round(lengthMinutes * 60) : secondsBetween(startedAt, endedAt);
  if (seconds !== null) fields.durationSeconds = seconds;

  const metadata: Record<string, unknown> = {};
  const answeredBy = str(call.answered_by, 'answered_by');
  const errorMessage = str(call.error_message, 'error_message');
  const endedBy = str(call.call_ended_by, 'call_ended_by');
  if (answeredBy) metadata.answered_by = answeredBy;
  if (errorMessage) metadata.error_message = errorMessage;
  if (endedBy) metadata.call_ended_by = endedBy;
  const summary = str(call.summary, 'summary');
  if (summary) metadata.summary = summary;
  const reason = errorMessage ?? endedBy;
  if (reason) {
    fields.endedReason = reason;
    metadata.ended_reason = reason;
  }
  const status = str(call.status, 'status');
  const classified = status ? classifyBlandStatus(status, answeredBy) : null;
  fields.status = classified ?? (errorMessage ? 'failed' : safeDefault((seconds ?? 0) > 0));
  if (Object.keys(metadata).length) fields.metadata = metadata;

  const commands: IngestCommand[] = [{ kind: 'call.upsert', callExternalId: id, fields }];
  const price = usdFromDollars(call.price);
  if (call.price !== undefined && call.price !== null && price === null) throw new MappingError('price: must be a number (USD)');
  if (price !== null) {
    const minutes = lengthMinutes !== null ? quantity(lengthMinutes) : seconds !== null ? minutesFromSeconds(seconds) : null;
    commands.push({ kind: 'usage.record', callExternalId: id, lineKey: `${id}:price`, provider: 'bland', usageType: 'platform_minutes', quantity: minutes ?? '0.000000', cost: price });
  }
  return { result: 'mapped', eventType: 'call', callExternalId: id, occurredAt: endedAt ?? startedAt ?? ctx.receivedAt, rank: 0, commands };
}
