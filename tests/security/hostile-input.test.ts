import { describe, expect, it } from 'vitest';
import { POST as events } from '@/app/api/v1/events/route';
import { POST as createKey } from '@/app/api/workspaces/[id]/api-keys/route';
import { createApiKey } from '@/lib/apikeys';
import { CLI_ACTOR } from '@/lib/audit';
import { createConnector } from '@/lib/connectors/store';
import type { Db } from '@/lib/db';
import { withSeededWorld, type World } from '../api/fixtures';
import { call } from '../api/session';
import { deliver } from '../connectors/helpers';
import * as f from '../connectors/fixtures';

/**
 * The two 5xx the write-side fuzzer found (tests/api/fuzz-writes.test.ts), pinned down:
 * a NUL character, which PostgreSQL stores in neither text nor jsonb, and an amount too
 * large for numeric(18,6). Both must be a clear answer, never a 500.
 */
let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

describe('hostile input that once reached the database', () => {
  it('a NUL in a JSON body of our own API is a 400 naming the body, in a value or in a key', async () => {
    const { key } = await createApiKey(db, { workspaceId: w.a, name: 'nul', actor: CLI_ACTOR });
    const send = (text: string) =>
      call(events as never, '/api/v1/events', {}, null, { method: 'POST', body: text, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', origin: null } });
    const event = (data: string) => `{"id":"nul-1","type":"call.started","occurred_at":"${new Date(Date.now() - 60_000).toISOString()}","data":${data}}`;
    for (const data of ['{"call_id":"a\\u0000b"}', '{"call_id":"c","metadata":{"note":"x\\u0000"}}', '{"call_id":"c","metadata":{"k\\u0000":"v"}}']) {
      const r = await send(event(data));
      expect(r.status, data).toBe(400);
      expect(r.body.error, data).toMatchObject({ code: 'bad_request', param: 'body', message: expect.stringContaining('NUL') });
    }
    const form = await call(createKey, `/api/workspaces/${w.a}/api-keys`, { id: w.a }, w.ownerA, { method: 'POST', body: '{"name":"ci\\u0000"}', headers: { 'content-type': 'application/json' } });
    expect(form).toMatchObject({ status: 400, body: { error: { param: 'body' } } });
  });

  it('a webhook with NULs is stored without them; one with an absurd amount is written without that amount', async () => {
    const { connector, secret } = await createConnector(db, { workspaceId: w.a, platform: 'bland', actor: CLI_ACTOR });
    const nul = await deliver('bland', connector.id, secret, null, { raw: JSON.stringify({ ...f.blandCall1, call_id: 'bland-nul', summary: 'hi\u0000there', 'bad\u0000key': 1 }) });
    expect(nul.status).toBe(200);
    expect(nul.body.status).toBe('accepted');
    const row = await db.call.findFirstOrThrow({ where: { workspaceId: w.a, externalId: 'bland-nul' } });
    expect(JSON.stringify(row.metadata)).not.toContain('\\u0000');

    for (const price of [1e308, 2 ** 63, '999999999999999.5']) {
      const r = await deliver('bland', connector.id, secret, { ...f.blandCall1, call_id: `bland-big-${price}`, price });
      expect(r.status, String(price)).toBe(200);
      expect(r.body.status, String(price)).not.toBe('duplicate');
    }
    const usage = await db.usageRecord.findMany({ where: { workspaceId: w.a, provider: 'bland' }, select: { finalCost: true } });
    for (const u of usage) expect(u.finalCost.abs().lt(1e9)).toBe(true);
  });
});
