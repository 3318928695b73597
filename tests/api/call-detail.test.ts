import { describe, expect, it } from 'vitest';
import { GET as callDetail } from '@/app/api/workspaces/[id]/calls/[callId]/route';
import { GET as calls } from '@/app/api/workspaces/[id]/calls/route';
import { callDetailResponse, callListResponse } from '@/lib/api/schemas';
import { findCalls } from '@/lib/calls/find';
import { ingestEvents, payloadHash, type IngestEvent } from '@/lib/ingest';
import type { TestDatabase } from '../helpers/test-db';
import { MARCH, withSeededWorld, type World } from './fixtures';
import { call } from './session';

/** Issue 15 item 5: a call you can open, found by id or caller number; the list's place and total. */
describe('call detail, find and the list position', () => {
  let t: TestDatabase;
  let w: World;

  withSeededWorld((db, world) => {
    t = db;
    w = world;
  });

  const get = (ws: string, callId: string, user = w.ownerA) => call(callDetail, `/api/workspaces/${ws}/calls/${callId}`, { id: ws, callId }, user);

  it('returns every field, the agent and the billed usage lines, never provider cost', async () => {
    const response = await get(w.a, w.callIdsA[0]!);
    expect(response.status).toBe(200);
    const body = callDetailResponse.parse(response.body);
    expect(body).toMatchObject({ id: w.callIdsA[0], callerNumber: '+15550000', agentName: 'Ava', agentDeleted: false, status: 'completed', intent: 'support', cost: '1.250000', provider: 'twilio' });
    expect(body.usage).toEqual([expect.objectContaining({ provider: 'twilio', usageType: 'telephony_minutes', quantity: '1.000000', billed: '1.300000' })]);
    expect(JSON.stringify(response.body)).not.toContain('totalCost');
    // The deleted agent keeps its name, marked deleted.
    expect(callDetailResponse.parse((await get(w.a, w.callIdsA[6]!)).body)).toMatchObject({ agentName: 'Old Bot', agentDeleted: true });
  });

  it('another workspace’s call and a malformed id are the same 404, for a member; a platform admin may open it', async () => {
    const foreign = await get(w.a, w.callIdsB[0]!);
    expect(foreign.status).toBe(404);
    const malformed = await call(callDetail, `/api/workspaces/${w.a}/calls/x`, { id: w.a, callId: "x' OR 1=1" }, w.ownerA);
    expect(malformed.status).toBe(404);
    expect((await get(w.b, w.callIdsB[0]!, w.ownerA)).status).toBe(404);
    expect((await get(w.a, w.callIdsA[0]!, w.admin)).status).toBe(200);
    expect((await get(w.a, w.callIdsA[0]!, w.viewerA)).status).toBe(200);
  });

  it('shows the events that built an ingested call, its summary, transcript and recording link', async () => {
    const target = { workspaceId: w.a, source: 'api' };
    const event = (eventId: string, type: string, occurredAt: string, fields: Record<string, unknown>): IngestEvent => ({
      eventId,
      type,
      occurredAt: new Date(occurredAt),
      payloadHash: payloadHash({ eventId, fields }),
      commands: [{ kind: 'call.upsert', callExternalId: 'ext-1', fields }],
    });
    const results = await ingestEvents(t.db, target, [
      event('evt-start', 'call.started', '2026-04-20T10:00:00Z', { direction: 'inbound', callerNumber: '+1 (555) 123-4567', startedAt: new Date('2026-04-20T10:00:00Z') }),
      event('evt-end', 'call.ended', '2026-04-20T10:02:40Z', {
        status: 'completed',
        endedAt: new Date('2026-04-20T10:02:40Z'),
        metadata: { summary: 'Booked a cleaning.', transcript: 'Hi…', recording_url: 'https://rec.example/1.mp3' },
      }),
      event('evt-bad-link', 'call.updated', '2026-04-20T10:03:00Z', { metadata: { recordingUrl: 'javascript:alert(1)' } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const row = await t.db.call.findFirst({ where: { workspaceId: w.a, externalId: 'ext-1' } });
    const body = callDetailResponse.parse((await get(w.a, row!.id)).body);
    expect(body).toMatchObject({ summary: 'Booked a cleaning.', transcript: 'Hi…', recordingUrl: 'https://rec.example/1.mp3', source: 'api', externalId: 'ext-1', durationSeconds: 160 });
    expect(body.events.map((e) => [e.eventId, e.type])).toEqual([
      ['evt-start', 'call.started'],
      ['evt-end', 'call.ended'],
      ['evt-bad-link', 'call.updated'],
    ]);
    expect(body.events[1]!.fields).toEqual(expect.arrayContaining(['status', 'metadata.summary']));
    // recording_url wins over recordingUrl; a javascript: link is never one.
    await ingestEvents(t.db, target, [event('evt-only-bad', 'call.updated', '2026-04-20T10:04:00Z', { metadata: { recording_url: 'javascript:alert(1)' } })]);
    expect(callDetailResponse.parse((await get(w.a, row!.id)).body).recordingUrl).toBeNull();
  });

  it('finds a call by id, and by caller digits whatever the punctuation, in the workspace only', async () => {
    expect(await findCalls(t.db, { workspaceId: w.a }, ` ${w.callIdsA[2]!.toUpperCase()} `)).toEqual({ kind: 'id', callId: w.callIdsA[2] });
    expect((await findCalls(t.db, { workspaceId: w.a }, w.callIdsB[0]!)).kind).toBe('none');
    const byNumber = await findCalls(t.db, { workspaceId: w.a }, '555-0003');
    expect(byNumber.kind === 'caller' && byNumber.items.map((c) => c.callerNumber)).toEqual(['+15550003']);
    const beta = await findCalls(t.db, { workspaceId: w.a }, '9198000');
    expect(beta.kind === 'caller' && beta.items).toEqual([]);
    expect((await findCalls(t.db, { workspaceId: w.a }, '55')).kind).toBe('none');
  });

  it('the list says where a page is: "1–3 of 7", then "4–6 of 7"', async () => {
    const first = callListResponse.parse((await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&limit=3`, { id: w.a }, w.ownerA)).body);
    expect([first.offset, first.items.length, first.total]).toEqual([0, 3, 7]);
    const second = callListResponse.parse(
      (await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&limit=3&cursor=${first.nextCursor}`, { id: w.a }, w.ownerA)).body,
    );
    expect([second.offset, second.items.length, second.total]).toEqual([3, 3, 7]);
    const failed = callListResponse.parse((await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&status=failed`, { id: w.a }, w.ownerA)).body);
    expect([failed.offset, failed.total]).toEqual([0, 1]);
  });
});
