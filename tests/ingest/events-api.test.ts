import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/events/route';
import { GET as schemaRoute } from '@/app/api/v1/events/schema/route';
import { createApiKey, revokeApiKey } from '@/lib/apikeys';
import { CLI_ACTOR } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { withSeededWorld, type World } from '../api/fixtures';
import { call, sessionToken, SESSION_COOKIE } from '../api/session';

let db: Db;
let w: World;
let keyA: string;
let keyB: string;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});
beforeAll(async () => {
  keyA = (await createApiKey(db, { workspaceId: w.a, name: 'test A', actor: CLI_ACTOR })).key;
  keyB = (await createApiKey(db, { workspaceId: w.b, name: 'test B', actor: CLI_ACTOR })).key;
});

const ev = (id: string, type: string, data: Record<string, unknown>, occurredAt = new Date(Date.now() - 60_000).toISOString()) => ({ id, type, occurred_at: occurredAt, data });
const send = (key: string | null, body: unknown, headers: Record<string, string | null> = {}) =>
  call(POST as never, '/api/v1/events', {}, null, { method: 'POST', body, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), origin: null, ...headers } });

describe('POST /api/v1/events', () => {
  it('needs a live key: missing, wrong and revoked keys get the same 401', async () => {
    expect(keyA).toMatch(/^vd_live_[0-9A-Za-z]{43}$/);
    const body = ev('k-1', 'call.started', { call_id: 'k' });
    const missing = await send(null, body);
    const wrong = await send(`vd_live_${'x'.repeat(43)}`, body);
    const garbage = await send('hello', body);
    const temp = await createApiKey(db, { workspaceId: w.a, name: 'temp', actor: CLI_ACTOR });
    expect((await send(temp.key, ev('k-2', 'call.started', { call_id: 'k2' }))).status).toBe(200);
    await revokeApiKey(db, { workspaceId: w.a, id: temp.apiKey.id, actor: CLI_ACTOR });
    const revoked = await send(temp.key, ev('k-3', 'call.started', { call_id: 'k3' }));
    for (const r of [missing, wrong, garbage, revoked]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual(missing.body);
    }
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('ignores a session cookie entirely', async () => {
    const cookie = `${SESSION_COOKIE}=${await sessionToken(w.ownerA)}`;
    expect((await send(null, ev('c-1', 'call.started', { call_id: 'c' }), { cookie })).status).toBe(401);
  });

  it('accepts a bare event, answers duplicate on replay and 409 when the id comes back with another payload', async () => {
    const body = ev('bare-1', 'call.ended', { call_id: 'bare', status: 'failed', agent: { id: 'ag', name: 'Agnes' } });
    const first = await send(keyA, body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ results: [{ id: 'bare-1', status: 'accepted' }] });
    // same payload, keys in another order
    const reordered = { data: body.data, occurred_at: body.occurred_at, type: body.type, id: body.id };
    expect((await send(keyA, reordered)).body).toEqual({ results: [{ id: 'bare-1', status: 'duplicate' }] });
    const changed = await send(keyA, { ...body, data: { ...body.data, status: 'completed' } });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: 'conflict', param: 'id' });
    const row = await db.call.findFirstOrThrow({ where: { workspaceId: w.a, externalId: 'bare' } });
    expect(row.status).toBe('failed');
  });

  it('answers a batch per event, in order; one bad event rejects only itself', async () => {
    const old = new Date(Date.now() - 36 * 86_400_000).toISOString();
    const ahead = new Date(Date.now() + 10 * 60_000).toISOString();
    const ok = ev('b-ok', 'call.started', { call_id: 'batch-1', direction: 'outbound' });
    // An event id this key already sent, with another payload in the batch below.
    expect((await send(keyA, ev('b-seen', 'call.ended', { call_id: 'seen', status: 'failed' }))).status).toBe(200);
    const r = await send(keyA, {
      events: [
        ok,
        ev('b-bad', 'call.updated', { call_id: 'batch-1', sentiment: 'thrilled' }),
        ev('b-old', 'call.updated', { call_id: 'batch-1' }, old),
        ev('b-ahead', 'call.updated', { call_id: 'batch-1' }, ahead),
        { id: 'b-type', type: 'call.exploded', occurred_at: new Date().toISOString(), data: {} },
        ev('b-money', 'usage.recorded', { provider: 'p', usage_type: 'u', quantity: '1', cost: '0.0000001' }),
        ev('b-usage', 'usage.recorded', { call_id: 'batch-1', provider: 'openai', usage_type: 'llm_tokens', quantity: 10, cost: '1.000001' }),
        ev('b-seen', 'call.ended', { call_id: 'seen', status: 'completed' }),
        ok,
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { id: string; status: string; error?: { field: string } }) => [x.id, x.status, x.error?.field])).toEqual([
      ['b-ok', 'accepted', undefined],
      ['b-bad', 'rejected', 'data.sentiment'],
      ['b-old', 'rejected', 'occurred_at'],
      ['b-ahead', 'rejected', 'occurred_at'],
      ['b-type', 'rejected', 'type'],
      ['b-money', 'rejected', 'data.cost'],
      ['b-usage', 'accepted', undefined],
      ['b-seen', 'rejected', 'id'],
      ['b-ok', 'duplicate', undefined],
    ]);
    const row = await db.call.findFirstOrThrow({ where: { workspaceId: w.a, externalId: 'batch-1' } });
    expect(row.direction).toBe('outbound');
    expect(row.status).toBe('in_progress');
    expect(row.costTotal.toFixed(6)).toBe('1.300001'); // 1.000001 × 1.3 = 1.3000013 → half-even 1.300001
  });

  it("writes into the key's workspace only, whatever the body says", async () => {
    const r = await send(keyB, ev('tenancy-1', 'call.started', { call_id: 'from-b', metadata: { workspace_id: w.a } }));
    expect(r.status).toBe(200);
    expect(await db.call.count({ where: { externalId: 'from-b', workspaceId: w.a } })).toBe(0);
    expect(await db.call.count({ where: { externalId: 'from-b', workspaceId: w.b } })).toBe(1);
    // an id used in A is a fresh id in B
    expect((await send(keyB, ev('bare-1', 'call.started', { call_id: 'bare' }))).body.results[0].status).toBe('accepted');
    // an unknown top-level field in a bare event is named
    const workspaceField = await send(keyB, { ...ev('tenancy-2', 'call.started', { call_id: 'x' }), workspace_id: w.a });
    expect(workspaceField.status).toBe(400);
  });

  it('refuses bodies over 1 MB (413), batches over 1,000 (400), non-JSON (415/400), and names the field of a bad bare event', async () => {
    const big = await send(keyA, JSON.stringify({ events: [ev('x', 'call.started', { call_id: 'x', metadata: { pad: 'x'.repeat(1_100_000) } })] }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    const many = await send(keyA, { events: Array.from({ length: 1001 }, (_, i) => ev(`m-${i}`, 'call.started', { call_id: `m-${i}` })) });
    expect(many.status).toBe(400);
    expect(many.body.error.param).toBe('events');
    expect((await send(keyA, { events: [] })).status).toBe(400);
    expect((await send(keyA, 'not json', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await send(keyA, 'a=b', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const bad = await send(keyA, ev('bad-1', 'usage.recorded', { provider: 'p', usage_type: 'u', quantity: 'lots', cost: '1' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('data.quantity');
    const noId = await send(keyA, { type: 'call.started', occurred_at: new Date().toISOString(), data: { call_id: 'x' } });
    expect(noId.body.error.param).toBe('id');
  });

  it('limits requests per key with 429 and Retry-After, counted in the database', async () => {
    const previous = process.env.INGEST_RATE_LIMIT_PER_MINUTE;
    process.env.INGEST_RATE_LIMIT_PER_MINUTE = '3';
    try {
      const { key } = await createApiKey(db, { workspaceId: w.a, name: 'limited', actor: CLI_ACTOR });
      const { key: fresh } = await createApiKey(db, { workspaceId: w.a, name: 'fresh', actor: CLI_ACTOR });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send(key, ev(`rl-${i}`, 'call.started', { call_id: `rl-${i}` }))).status);
      // the window may roll over between requests: allow that one case
      if (statuses[3] === 200) return;
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await send(key, ev('rl-x', 'call.started', { call_id: 'rl-x' }));
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // other keys are not affected
      expect((await send(fresh, ev('rl-other', 'call.started', { call_id: 'rl-other' }))).status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.INGEST_RATE_LIMIT_PER_MINUTE;
      else process.env.INGEST_RATE_LIMIT_PER_MINUTE = previous;
    }
  });

  it('records when a key was last used', async () => {
    const before = await db.apiKey.findFirstOrThrow({ where: { workspaceId: w.a, name: 'test A' } });
    expect((await send(keyA, ev('used-1', 'call.started', { call_id: 'used-1' }))).status).toBe(200);
    const row = await db.apiKey.findFirstOrThrow({ where: { workspaceId: w.a, name: 'test A' } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.lastUsedAt?.getTime() ?? 0);
  });
});

describe('GET /api/v1/events/schema', () => {
  it('serves the request body as JSON Schema generated from the zod schema', async () => {
    const response = schemaRoute();
    const schema = await response.json();
    expect(schema.$schema).toContain('json-schema.org');
    const text = JSON.stringify(schema);
    for (const field of ['call_id', 'caller_number', 'avg_response_ms', 'usage_type', 'billed', 'call.ended', 'usage.recorded', 'occurred_at']) expect(text).toContain(field);
  });
});
