import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Db } from '@/lib/db';
import { ingestGrouped, type IngestEvent, type IngestResult } from '@/lib/ingest';
import { mapDelivery, type MappedDelivery } from './map';
import { findConnectorForWebhook, recordDelivery, type DeliveryResult } from './store';
import { verifyDelivery, type HeaderReader, type Platform } from './verify';
import { parseJsonStrippingNul } from '@/lib/api/json-text';

/**
 * One webhook delivery, from raw bytes to a logged result:
 *   connector (unknown or disabled → 404) → signature on the raw bytes (→ 401, logged
 *   without the body) → JSON (→ 400) → mapping (unmappable → 200 "rejected", logged)
 *   → the ingestion core (dedupe on the delivery, call upserted on its external id, usage
 *   lines replaced by (call, cost item)) → logged with the body deflated.
 * The sender gets 2xx for everything it should not retry.
 */

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export type WebhookOutcome =
  | { status: 200; body: { status: DeliveryResult; reason?: string } }
  | { status: 400 | 401 | 404; code: 'bad_request' | 'unauthorized' | 'not_found'; message: string };

/** The ingestion event a mapped delivery becomes. `suffix` makes a replay a new event (see replay.ts). */
export function deliveryEvent(platform: Platform, raw: Buffer, mapped: Extract<MappedDelivery, { result: 'mapped' }>, suffix = ''): IngestEvent {
  const hash = createHash('sha256').update(raw).digest('hex');
  return {
    // The same bytes again (a retry) are the same event; rank orders a call's kinds when their times tie.
    eventId: `${platform}.${mapped.rank}.${hash}${suffix}`,
    occurredAt: mapped.occurredAt,
    payloadHash: hash,
    type: `${platform}.${mapped.eventType}`,
    commands: mapped.commands,
  };
}

export function resultOf(result: IngestResult): { status: DeliveryResult; reason: string | null } {
  if (result.status === 'rejected') return { status: 'rejected', reason: `${result.error.field}: ${result.error.message}` };
  return { status: result.status, reason: null };
}

export async function receiveWebhook(
  db: Db,
  request: { platform: Platform; connectorId: string; headers: HeaderReader; body: Buffer; now?: Date },
): Promise<WebhookOutcome> {
  const receivedAt = request.now ?? new Date();
  const connector = await findConnectorForWebhook(db, request.platform, request.connectorId, receivedAt.getTime());
  if (!connector || connector.disabled) return { status: 404, code: 'not_found', message: 'No such webhook (or it is disabled)' };
  const log = (result: DeliveryResult, fields: { eventType?: string | null; callExternalId?: string | null; reason?: string | null; keepBody?: boolean }) =>
    recordDelivery(db, {
      workspaceId: connector.workspaceId,
      connectorId: connector.id,
      receivedAt,
      eventType: fields.eventType ?? null,
      callExternalId: fields.callExternalId ?? null,
      result,
      reason: fields.reason ?? null,
      payload: fields.keepBody === false ? null : deflateSync(request.body),
    });

  const verified = verifyDelivery(request.platform, request.headers, request.body, connector.secrets, { vapiAuth: connector.settings.vapiAuth, now: receivedAt.getTime() });
  if (!verified.ok) {
    await log('rejected', { reason: `signature: ${verified.reason}`, keepBody: false });
    return { status: 401, code: 'unauthorized', message: 'Signature verification failed' };
  }

  let json: unknown;
  try {
    json = parseJsonStrippingNul(request.body.toString('utf8'));
  } catch {
    await log('rejected', { reason: 'body: not valid JSON', keepBody: false });
    return { status: 400, code: 'bad_request', message: 'body: must be valid JSON' };
  }

  const mapped = mapDelivery(request.platform, json, { receivedAt });
  if (mapped.result !== 'mapped') {
    await log(mapped.result, { eventType: mapped.eventType, callExternalId: mapped.callExternalId, reason: mapped.reason });
    return { status: 200, body: { status: mapped.result, reason: mapped.reason } };
  }
  const [result] = await ingestGrouped(db, { workspaceId: connector.workspaceId, source: request.platform }, [deliveryEvent(request.platform, request.body, mapped)]);
  const outcome = resultOf(result!);
  await log(outcome.status, { eventType: mapped.eventType, callExternalId: mapped.callExternalId, reason: outcome.reason });
  return { status: 200, body: outcome.reason ? { status: outcome.status, reason: outcome.reason } : { status: outcome.status } };
}

export function inflatePayload(payload: Uint8Array): Buffer {
  return inflateSync(payload);
}
