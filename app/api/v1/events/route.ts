import { withApiKey } from '@/lib/api/key-handler';
import { badRequest, conflict, jsonResponse, unsupportedMediaType } from '@/lib/api/errors';
import { readBodyText } from '@/lib/api/body';
import { ingestRateLimitPerMinute } from '@/lib/env';
import { ingestGrouped, type IngestError, type IngestEvent, type IngestResult } from '@/lib/ingest';
import { MAX_BATCH_EVENTS, MAX_BODY_BYTES, parseApiEvent } from '@/lib/ingest/api-events';
import { NulCharacterError, parseJsonRefusingNul } from '@/lib/api/json-text';

export const dynamic = 'force-dynamic';

type WireResult = { id: string; status: 'accepted' | 'duplicate' | 'rejected'; error?: IngestError };

/**
 * POST /api/v1/events: one event, or `{ "events": [...] }` of 1–1,000, for the API key's
 * workspace. Answers 200 with one result per event in request order (accepted, duplicate,
 * rejected with field and reason); a bare event that is invalid answers 400, one whose id
 * was used with another payload 409. See README "Send your calls".
 */
export const POST = withApiKey({ rateLimitPerMinute: () => ingestRateLimitPerMinute() }, async ({ request, db, key }) => {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) throw unsupportedMediaType();
  const textBody = await readBodyText(request, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = parseJsonRefusingNul(textBody);
  } catch (error) {
    if (error instanceof NulCharacterError) throw badRequest('body', `body: ${error.message}`);
    throw badRequest('body', 'body: must be valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', 'body: must be an event object or { "events": [...] }');

  const now = new Date();
  const target = { workspaceId: key.workspaceId, source: 'api' };
  if (!('events' in body)) {
    const parsed = parseApiEvent(body, now);
    if (!parsed.ok) throw badRequest(parsed.error.field, parsed.error.message);
    const [result] = await ingestGrouped(db, target, [parsed.event]);
    if (result!.status === 'rejected') throw conflict('id', result!.error.message);
    return { results: [wire(result!)] };
  }

  const extra = Object.keys(body).find((k) => k !== 'events');
  if (extra) throw badRequest(extra, `${extra}: unknown field (send { "events": [...] })`);
  const events = (body as { events: unknown }).events;
  if (!Array.isArray(events)) throw badRequest('events', 'events: must be an array of events');
  if (events.length === 0) throw badRequest('events', 'events: must hold at least 1 event');
  if (events.length > MAX_BATCH_EVENTS) throw badRequest('events', `events: at most ${MAX_BATCH_EVENTS.toLocaleString('en-US')} events per request`);

  const results: WireResult[] = new Array(events.length);
  const valid: IngestEvent[] = [];
  const slots: number[] = [];
  events.forEach((raw, index) => {
    const parsed = parseApiEvent(raw, now);
    if (parsed.ok) {
      valid.push(parsed.event);
      slots.push(index);
    } else {
      results[index] = { id: parsed.id, status: 'rejected', error: parsed.error };
    }
  });
  if (valid.length) {
    const written = await ingestGrouped(db, target, valid);
    written.forEach((result, i) => (results[slots[i]!] = wire(result)));
  }
  return jsonResponse({ results });
});

function wire(result: IngestResult): WireResult {
  return result.status === 'rejected' ? { id: result.eventId, status: 'rejected', error: result.error } : { id: result.eventId, status: result.status };
}
