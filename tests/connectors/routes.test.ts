import { describe, expect, it } from 'vitest';
import { DELETE, PATCH } from '@/app/api/workspaces/[id]/connectors/[connectorId]/route';
import { POST as rotate } from '@/app/api/workspaces/[id]/connectors/[connectorId]/rotate/route';
import { GET as list, POST as create } from '@/app/api/workspaces/[id]/connectors/route';
import { connectorCreatedResponse, connectorListResponse } from '@/lib/api/schemas/connectors';
import type { Db } from '@/lib/db';
import { withSeededWorld, type World } from '../api/fixtures';
import { call } from '../api/session';
import './helpers';

let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

const base = (ws: string) => `/api/workspaces/${ws}/connectors`;
const post = (ws: string, user: World['ownerA'], body: unknown) => call(create, base(ws), { id: ws }, user, { method: 'POST', body });

describe('Settings → Integrations API', () => {
  it('an owner creates a connector: the secret is in this answer only, never in the list or the audit log', async () => {
    const r = await post(w.a, w.ownerA, { platform: 'bland', name: 'Main line' });
    expect(r.status).toBe(201);
    const created = connectorCreatedResponse.parse(r.body);
    expect(created.path).toBe(`/api/v1/webhooks/bland/${created.connector.id}`);
    expect(created.secret).toMatch(/^vdwh_/);
    const listed = await call(list, base(w.a), { id: w.a }, w.ownerA);
    expect(listed.status).toBe(200);
    const parsed = connectorListResponse.parse(listed.body);
    expect(parsed.connectors.map((c) => [c.platform, c.name])).toEqual([['bland', 'Main line']]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
    const row = await db.connector.findFirstOrThrow({ where: { id: created.connector.id } });
    expect(row.secretSealed).not.toContain(created.secret);
    const audit = await db.auditLog.findMany({ where: { targetId: created.connector.id } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['connector.created', 'owner.a@example.com']]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it('Retell needs the workspace Retell API key; bad input is a 400 naming the field', async () => {
    expect(await post(w.a, w.ownerA, { platform: 'retell' })).toMatchObject({ status: 400, body: { error: { param: 'secret' } } });
    expect(await post(w.a, w.ownerA, { platform: 'retell', secret: 'short' })).toMatchObject({ status: 400, body: { error: { param: 'secret' } } });
    expect(await post(w.a, w.ownerA, { platform: 'twilio' })).toMatchObject({ status: 400, body: { error: { param: 'platform' } } });
    expect(await post(w.a, w.ownerA, { platform: 'vapi', vapiAuth: 'magic' })).toMatchObject({ status: 400, body: { error: { param: 'vapiAuth' } } });
    const ok = await post(w.a, w.ownerA, { platform: 'retell', secret: 'key_0123456789abcdef0123' });
    expect(ok.status).toBe(201);
    expect(ok.body.secret).toBe('key_0123456789abcdef0123');
  });

  it('viewers get 403, another workspace 404, signed-out 401, a platform admin passes', async () => {
    expect((await post(w.a, w.viewerA, { platform: 'vapi' })).status).toBe(403);
    expect((await call(list, base(w.a), { id: w.a }, w.viewerA)).status).toBe(403);
    expect((await post(w.b, w.ownerA, { platform: 'vapi' })).status).toBe(404);
    expect((await call(list, base(w.b), { id: w.b }, w.ownerA)).status).toBe(404);
    expect((await post(w.a, null as never, { platform: 'vapi' })).status).toBe(401);
    expect((await post(w.b, w.admin, { platform: 'vapi' })).status).toBe(201);
  });

  it('rotate, disable and delete: tenancy and roles on each, audit on each', async () => {
    const { body } = await post(w.a, w.ownerA, { platform: 'vapi' });
    const id = body.connector.id as string;
    const url = `${base(w.a)}/${id}`;
    const p = { id: w.a, connectorId: id };
    expect((await call(PATCH, `${base(w.b)}/${id}`, { id: w.b, connectorId: id }, w.admin, { method: 'PATCH', body: { disabled: true } })).status).toBe(404);
    expect((await call(DELETE, `${base(w.b)}/${id}`, { id: w.b, connectorId: id }, w.admin, { method: 'DELETE' })).status).toBe(404);
    // Through another workspace's URL the connector does not exist (a member there is below admin: 403 first).
    expect((await call(rotate, `${base(w.b)}/${id}/rotate`, { id: w.b, connectorId: id }, w.memberB, { method: 'POST', body: {} })).status).toBe(403);
    expect((await call(rotate, `${base(w.a)}/${id}/rotate`, p, w.memberB, { method: 'POST', body: {} })).status).toBe(404);
    expect((await call(rotate, `${base(w.b)}/${id}/rotate`, { id: w.b, connectorId: id }, w.admin, { method: 'POST', body: {} })).status).toBe(404);
    expect((await call(rotate, `${url}/rotate`, p, w.viewerA, { method: 'POST', body: {} })).status).toBe(403);
    const rotated = await call(rotate, `${url}/rotate`, p, w.ownerA, { method: 'POST', body: {} });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(body.secret);
    expect((await call(PATCH, url, p, w.ownerA, { method: 'PATCH', body: { disabled: 'yes' } })).body.error.param).toBe('disabled');
    expect((await call(PATCH, url, p, w.viewerA, { method: 'PATCH', body: { disabled: true } })).status).toBe(403);
    expect((await call(PATCH, url, p, w.ownerA, { method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    expect((await db.connector.findFirstOrThrow({ where: { id } })).disabledAt).toBeInstanceOf(Date);
    expect((await call(DELETE, url, { id: w.a, connectorId: 'not-a-uuid' }, w.ownerA, { method: 'DELETE' })).status).toBe(404);
    expect((await call(DELETE, url, p, w.ownerA, { method: 'DELETE' })).status).toBe(200);
    expect((await call(DELETE, url, p, w.ownerA, { method: 'DELETE' })).status).toBe(404);
    const audit = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['connector.created', 'connector.secret_rotated', 'connector.disabled', 'connector.deleted']);
  });

  it('refuses a cross-site create', async () => {
    const r = await call(create, base(w.a), { id: w.a }, w.ownerA, { method: 'POST', body: { platform: 'vapi' }, headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
  });
});
