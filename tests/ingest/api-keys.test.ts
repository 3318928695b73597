import { describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/workspaces/[id]/api-keys/[keyId]/route';
import { GET, POST } from '@/app/api/workspaces/[id]/api-keys/route';
import { POST as sendEvents } from '@/app/api/v1/events/route';
import { hashKey } from '@/lib/apikeys';
import type { Db } from '@/lib/db';
import { withSeededWorld, type World } from '../api/fixtures';
import { call } from '../api/session';

let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

const create = (ws: string, user: World['ownerA'] | null, body: unknown, headers?: Record<string, string | null>) =>
  call(POST, `/api/workspaces/${ws}/api-keys`, { id: ws }, user, { method: 'POST', body, headers });
const revoke = (ws: string, keyId: string, user: World['ownerA']) => call(DELETE, `/api/workspaces/${ws}/api-keys/${keyId}`, { id: ws, keyId }, user, { method: 'DELETE' });

describe('API keys (Settings)', () => {
  it('an owner creates a key: shown once, stored only as its SHA-256, listed by prefix, audited', async () => {
    const r = await create(w.a, w.ownerA, { name: 'production' });
    expect(r.status).toBe(201);
    expect(r.body.key).toMatch(/^vd_live_[0-9A-Za-z]{43}$/);
    expect(r.body.apiKey).toMatchObject({ name: 'production', prefix: r.body.key.slice(0, 12), lastUsedAt: null, revokedAt: null });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: r.body.apiKey.id } });
    expect(row.keyHash).toBe(hashKey(r.body.key));
    expect(JSON.stringify(row)).not.toContain(r.body.key);
    const list = await call(GET, `/api/workspaces/${w.a}/api-keys`, { id: w.a }, w.ownerA);
    expect(list.status).toBe(200);
    expect(list.body.keys.map((k: { name: string }) => k.name)).toContain('production');
    expect(JSON.stringify(list.body)).not.toContain(r.body.key);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'api_key.created', targetId: r.body.apiKey.id } });
    expect(audit).toMatchObject({ workspaceId: w.a, actorUserId: w.ownerA.id, actorLabel: w.ownerA.email, targetType: 'api_key' });
    expect(JSON.stringify(audit.details)).not.toContain(r.body.key);
  });

  it('revoking stops the key at once and is audited; revoking again changes nothing', async () => {
    const { body } = await create(w.a, w.ownerA, { name: 'short-lived' });
    const event = { id: 'rev-1', type: 'call.started', occurred_at: new Date().toISOString(), data: { call_id: 'rev' } };
    const send = (id: string) =>
      call(sendEvents as never, '/api/v1/events', {}, null, { method: 'POST', body: { ...event, id }, headers: { authorization: `Bearer ${body.key}`, origin: null } });
    expect((await send('rev-1')).status).toBe(200);
    expect((await revoke(w.a, body.apiKey.id, w.ownerA)).status).toBe(200);
    expect((await send('rev-2')).status).toBe(401);
    expect((await revoke(w.a, body.apiKey.id, w.ownerA)).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: 'api_key.revoked', targetId: body.apiKey.id } })).toBe(1);
  });

  it("another workspace's keys are a 404", async () => {
    const { body } = await create(w.a, w.ownerA, { name: 'mine' });
    // A's key through B's URL (a platform admin may act in B): no such key in B
    expect((await revoke(w.b, body.apiKey.id, w.admin)).status).toBe(404);
    expect((await create(w.b, w.ownerA, { name: 'x' })).status).toBe(404);
    expect((await call(GET, `/api/workspaces/${w.b}/api-keys`, { id: w.b }, w.ownerA)).status).toBe(404);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: body.apiKey.id } })).revokedAt).toBeNull();
    expect((await call(DELETE, `/api/workspaces/${w.a}/api-keys/not-a-uuid`, { id: w.a, keyId: 'not-a-uuid' }, w.ownerA, { method: 'DELETE' })).status).toBe(404);
  });

  it('viewers and members get 403; platform admins pass; signed-out 401; cross-site 403', async () => {
    expect((await create(w.a, w.viewerA, { name: 'x' })).status).toBe(403);
    expect((await call(GET, `/api/workspaces/${w.a}/api-keys`, { id: w.a }, w.viewerA)).status).toBe(403);
    expect((await create(w.b, w.memberB, { name: 'x' })).status).toBe(403);
    expect((await create(w.a, w.admin, { name: 'by admin' })).status).toBe(201);
    expect((await create(w.a, null, { name: 'x' })).status).toBe(401);
    expect((await create(w.a, w.ownerA, { name: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('names the field of a bad body', async () => {
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(101) }, { name: 'ok', extra: 1 }]) {
      const r = await create(w.a, w.ownerA, body);
      expect(r.status).toBe(400);
      expect(['name', 'body', 'extra', '']).toContain(r.body.error.param ?? '');
    }
    expect((await create(w.a, w.ownerA, { name: 7 })).body.error.param).toBe('name');
  });
});
