import { describe, expect, it } from 'vitest';
import { GET as adminAlerts } from '@/app/api/admin/alerts/route';
import { DELETE as adminDelete, PATCH as adminPatch } from '@/app/api/admin/alert-rules/[ruleId]/route';
import { GET as adminList, POST as adminCreate } from '@/app/api/admin/alert-rules/route';
import { POST as sendTest } from '@/app/api/workspaces/[id]/alert-rules/[ruleId]/test/route';
import { DELETE, PATCH } from '@/app/api/workspaces/[id]/alert-rules/[ruleId]/route';
import { GET as list, POST as create } from '@/app/api/workspaces/[id]/alert-rules/route';
import { GET as history } from '@/app/api/workspaces/[id]/alerts/route';
import { GET as getDelivery, PUT as putDelivery } from '@/app/api/workspaces/[id]/report-delivery/route';
import { DELETE as revokeLink } from '@/app/api/workspaces/[id]/share-links/[linkId]/route';
import { GET as listLinks, POST as createLink } from '@/app/api/workspaces/[id]/share-links/route';
import { GET as openShare } from '@/app/share/[token]/route';
import { evaluateAlertRules } from '@/lib/alerts';
import type { Db } from '@/lib/db';
import { withSeededWorld, type World } from '../api/fixtures';
import { apiRequest, call } from '../api/session';
import './helpers';

let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

const base = (ws: string) => `/api/workspaces/${ws}/alert-rules`;
const body = (over: Record<string, unknown> = {}) => ({
  name: 'High failure rate',
  metric: 'failure_rate',
  window_minutes: 30,
  comparator: 'gt',
  threshold: 10,
  min_calls: 5,
  channels: [{ type: 'email', to: ['ops@example.com'] }],
  ...over,
});
const post = (ws: string, user: World['ownerA'] | null, b: unknown) => call(create, base(ws), { id: ws }, user, { method: 'POST', body: b });

describe('alert rules API', () => {
  it('an owner creates, lists, changes and deletes a rule; each change is audited', async () => {
    const created = await post(w.a, w.ownerA, body({ filters: { agent_id: w.agentA, provider: 'twilio' } }));
    expect(created.status).toBe(201);
    expect(created.body.rule).toMatchObject({ name: 'High failure rate', metric: 'failure_rate', window_minutes: 30, comparator: 'gt', threshold: 10, min_calls: 5, filters: { agent_id: w.agentA, provider: 'twilio' }, state: 'pending' });
    expect(created.body.webhook_secret).toBeNull();
    const id = created.body.rule.id as string;
    const listed = await call(list, base(w.a), { id: w.a }, w.ownerA);
    expect(listed.body.rules.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(listed.body.channels.email).toMatch(/configured/);
    const p = { id: w.a, ruleId: id };
    const patched = await call(PATCH, `${base(w.a)}/${id}`, p, w.ownerA, { method: 'PATCH', body: { threshold: 25.5, filters: { provider: null } } });
    expect(patched.status).toBe(200);
    expect(patched.body.rule).toMatchObject({ threshold: 25.5, filters: { agent_id: w.agentA } });
    expect((await call(DELETE, `${base(w.a)}/${id}`, p, w.ownerA, { method: 'DELETE' })).status).toBe(200);
    expect((await call(DELETE, `${base(w.a)}/${id}`, p, w.ownerA, { method: 'DELETE' })).status).toBe(404);
    const audit = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['alert_rule.created', 'alert_rule.updated', 'alert_rule.deleted']);
  });

  it('a webhook channel gets a signing secret once; the audit log keeps the URL origin only', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
    const r = await post(w.a, w.ownerA, body({ channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook?token=s3cret' }] }));
    expect(r.status).toBe(201);
    expect(r.body.webhook_secret).toMatch(/^whsec_/);
    const listed = await call(list, base(w.a), { id: w.a }, w.ownerA);
    expect(JSON.stringify(listed.body)).not.toContain(r.body.webhook_secret);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: r.body.rule.id } });
    expect(JSON.stringify(audit.details)).not.toContain('s3cret');
    const tested = await call(sendTest, `${base(w.a)}/${r.body.rule.id}/test`, { id: w.a, ruleId: r.body.rule.id }, w.ownerA, { method: 'POST' });
    expect(tested).toMatchObject({ status: 202, body: { queued: 1 } });
    delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  });

  it('bad input is a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ threshold: 'ten' }, 'threshold'],
      [{ threshold: null }, 'threshold'],
      [{ window_minutes: 5 }, 'window_minutes'],
      [{ window_minutes: 1441 }, 'window_minutes'],
      [{ window_minutes: 30.5 }, 'window_minutes'],
      [{ metric: 'mood' }, 'metric'],
      [{ metric: 'provider_margin' }, 'metric'],
      [{ comparator: 'eq' }, 'comparator'],
      [{ min_calls: -1 }, 'min_calls'],
      [{ name: '' }, 'name'],
      [{ filters: { agent_id: 'not-a-uuid' } }, 'filters.agent_id'],
      [{ filters: { agent_id: w.agentB } }, 'filters.agent_id'],
      [{ channels: [{ type: 'sms', to: '+1' }] }, 'channels.0.type'],
      [{ channels: [{ type: 'email', to: ['not an address'] }] }, 'channels.0.to.0'],
      [{ channels: [{ type: 'webhook', url: 'ftp://example.com/x' }] }, 'channels.0.url'],
      [{ channels: [{ type: 'webhook', url: 'javascript:alert(1)' }] }, 'channels.0.url'],
      [{ channels: [{ type: 'webhook', url: 'http://127.0.0.1:8080/x' }] }, 'channels.0.url'],
      [{ channels: [{ type: 'webhook', url: 'http://10.0.0.5/admin' }] }, 'channels.0.url'],
      [{ channels: [{ type: 'webhook', url: 'http://[::1]/x' }] }, 'channels.0.url'],
      [{ unknown: 1 }, 'body'],
    ];
    for (const [over, param] of cases) {
      const r = await post(w.a, w.ownerA, body(over));
      expect([r.status, r.body.error?.param], JSON.stringify(over)).toEqual([400, param]);
    }
    expect((await call(create, base(w.a), { id: w.a }, w.ownerA, { method: 'POST', body: '{"name":' , headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const ok = await post(w.a, w.ownerA, body());
    const id = ok.body.rule.id as string;
    const p = { id: w.a, ruleId: id };
    expect((await call(PATCH, `${base(w.a)}/${id}`, p, w.ownerA, { method: 'PATCH', body: { threshold: 'x' } })).body.error.param).toBe('threshold');
    expect((await call(PATCH, `${base(w.a)}/${id}`, p, w.ownerA, { method: 'PATCH', body: { window_minutes: 0 } })).body.error.param).toBe('window_minutes');
  });

  it('tenancy and roles: another workspace is 404, viewers 403, signed out 401, cross-site 403', async () => {
    const own = await post(w.a, w.ownerA, body());
    const id = own.body.rule.id as string;
    expect((await post(w.b, w.ownerA, body())).status).toBe(404);
    expect((await call(list, base(w.b), { id: w.b }, w.ownerA)).status).toBe(404);
    expect((await post(w.a, w.viewerA, body())).status).toBe(403);
    expect((await call(list, base(w.a), { id: w.a }, w.viewerA)).status).toBe(403);
    expect((await post(w.a, null, body())).status).toBe(401);
    expect((await call(create, base(w.a), { id: w.a }, w.ownerA, { method: 'POST', body: body(), headers: { origin: 'https://evil.example' } })).status).toBe(403);
    // B's member cannot reach A's rule through B's URL (below admin: 403), nor a platform admin through B's URL (404).
    expect((await call(PATCH, `${base(w.b)}/${id}`, { id: w.b, ruleId: id }, w.admin, { method: 'PATCH', body: { threshold: 1 } })).status).toBe(404);
    expect((await call(DELETE, `${base(w.b)}/${id}`, { id: w.b, ruleId: id }, w.admin, { method: 'DELETE' })).status).toBe(404);
    expect((await call(sendTest, `${base(w.b)}/${id}/test`, { id: w.b, ruleId: id }, w.admin, { method: 'POST' })).status).toBe(404);
    expect((await call(PATCH, `${base(w.a)}/${id}`, { id: w.a, ruleId: id }, w.viewerA, { method: 'PATCH', body: { threshold: 1 } })).status).toBe(403);
    expect((await call(PATCH, `${base(w.a)}/${id}`, { id: w.a, ruleId: id }, w.memberB, { method: 'PATCH', body: { threshold: 1 } })).status).toBe(404);
    // History: every member of the workspace, nobody else.
    expect((await call(history, `/api/workspaces/${w.a}/alerts`, { id: w.a }, w.viewerA)).status).toBe(200);
    expect((await call(history, `/api/workspaces/${w.a}/alerts`, { id: w.a }, w.memberB)).status).toBe(404);
  });

  it('history and firing count after an evaluation', async () => {
    // A's March calls: 7, one failed (14.3 %) over the whole month window? Windows are at most a day: use March 7.
    const created = await post(w.a, w.ownerA, body({ name: 'Any call', metric: 'calls', comparator: 'gte', threshold: 1, min_calls: 0, window_minutes: 1440, channels: [] }));
    await evaluateAlertRules(db, new Date('2026-03-07T20:00:00Z'), { workspaceId: w.a });
    const r = await call(history, `/api/workspaces/${w.a}/alerts`, { id: w.a }, w.viewerA);
    expect(r.body.firing).toBe(1);
    expect(r.body.alerts[0]).toMatchObject({ rule_name: 'Any call', value: 1, state: 'firing', rule_id: created.body.rule.id });
    const b = await call(history, `/api/workspaces/${w.b}/alerts`, { id: w.b }, w.memberB);
    expect(b.body).toEqual({ firing: 0, alerts: [] });
  });
});

describe('platform alert rules', () => {
  it('platform admins only; provider metrics only', async () => {
    const r = await call(adminCreate, '/api/admin/alert-rules', {}, w.admin, { method: 'POST', body: body({ metric: 'provider_margin', comparator: 'lt', threshold: 20, min_calls: 0, filters: { provider: 'twilio' } }) });
    expect(r.status).toBe(201);
    expect((await call(adminCreate, '/api/admin/alert-rules', {}, w.admin, { method: 'POST', body: body({ metric: 'failure_rate' }) })).body.error.param).toBe('metric');
    expect((await call(adminCreate, '/api/admin/alert-rules', {}, w.ownerA, { method: 'POST', body: body({ metric: 'provider_margin' }) })).status).toBe(403);
    expect((await call(adminList, '/api/admin/alert-rules', {}, w.ownerA)).status).toBe(403);
    expect((await call(adminAlerts, '/api/admin/alerts', {}, w.ownerA)).status).toBe(403);
    const id = r.body.rule.id as string;
    // A platform rule is not reachable through a workspace URL.
    expect((await call(PATCH, `${base(w.a)}/${id}`, { id: w.a, ruleId: id }, w.admin, { method: 'PATCH', body: { threshold: 1 } })).status).toBe(404);
    expect((await call(adminPatch, `/api/admin/alert-rules/${id}`, { ruleId: id }, w.admin, { method: 'PATCH', body: { threshold: 'x' } })).body.error.param).toBe('threshold');
    // March 2 to 3: twilio billed 1.30 for a cost of 1.00 → margin 23.08 %; p95 latency of the one check 120 ms.
    await call(adminPatch, `/api/admin/alert-rules/${id}`, { ruleId: id }, w.admin, { method: 'PATCH', body: { threshold: 25, window_minutes: 1440 } });
    await evaluateAlertRules(db, new Date('2026-03-03T12:00:00Z'), { workspaceId: null });
    const alerts = await call(adminAlerts, '/api/admin/alerts', {}, w.admin);
    expect(alerts.body.firing).toBe(1);
    expect(alerts.body.alerts[0]).toMatchObject({ subject: 'twilio', metric: 'provider_margin' });
    expect(alerts.body.alerts[0].value).toBeCloseTo(23.0769, 3);
    expect((await call(adminDelete, `/api/admin/alert-rules/${id}`, { ruleId: id }, w.admin, { method: 'DELETE' })).status).toBe(200);
  });

  it('provider p95 latency above a threshold, for whichever provider is worst', async () => {
    const r = await call(adminCreate, '/api/admin/alert-rules', {}, w.admin, { method: 'POST', body: body({ name: 'Slow provider', metric: 'provider_p95_latency', comparator: 'gt', threshold: 100, min_calls: 0, window_minutes: 1440 }) });
    expect(r.status).toBe(201);
    // The one health check: twilio, 120 ms at 2026-03-05T00:00Z.
    await evaluateAlertRules(db, new Date('2026-03-05T12:00:00Z'), { workspaceId: null });
    const alerts = await call(adminAlerts, '/api/admin/alerts', {}, w.admin);
    expect(alerts.body.alerts.find((a: { rule_name: string }) => a.rule_name === 'Slow provider')).toMatchObject({ subject: 'twilio', value: 120, state: 'firing' });
    // A day later there is no check in the window: not enough data, and the alert resolves so.
    await evaluateAlertRules(db, new Date('2026-03-06T12:00:00Z'), { workspaceId: null });
    const after = await call(adminAlerts, '/api/admin/alerts', {}, w.admin);
    expect(after.body.alerts.find((a: { rule_name: string }) => a.rule_name === 'Slow provider')).toMatchObject({ state: 'resolved', resolved_reason: 'no_data' });
  });
});

describe('reports delivery and share links', () => {
  it('report delivery settings: admins and owners, validated, audited', async () => {
    const url = `/api/workspaces/${w.a}/report-delivery`;
    expect((await call(getDelivery, url, { id: w.a }, w.ownerA)).body).toMatchObject({ enabled: false, recipients: [] });
    expect((await call(putDelivery, url, { id: w.a }, w.ownerA, { method: 'PUT', body: { enabled: true, recipients: ['nope'] } })).body.error.param).toBe('recipients.0');
    expect((await call(putDelivery, url, { id: w.a }, w.ownerA, { method: 'PUT', body: { enabled: 'yes', recipients: [] } })).body.error.param).toBe('enabled');
    const saved = await call(putDelivery, url, { id: w.a }, w.ownerA, { method: 'PUT', body: { enabled: true, monthly: true, quarterly: false, recipients: ['B@example.com', 'a@example.com', 'b@example.com'] } });
    expect(saved.body).toEqual({ enabled: true, monthly: true, quarterly: false, recipients: ['a@example.com', 'b@example.com'] });
    expect((await call(putDelivery, url, { id: w.a }, w.viewerA, { method: 'PUT', body: { enabled: false, recipients: [] } })).status).toBe(403);
    expect((await call(getDelivery, `/api/workspaces/${w.b}/report-delivery`, { id: w.b }, w.ownerA)).status).toBe(404);
  });

  it('a share link opens the PDF signed out; a forged, revoked or expired one is 404; owners only', async () => {
    const url = `/api/workspaces/${w.a}/share-links`;
    expect((await call(createLink, url, { id: w.a }, w.ownerA, { method: 'POST', body: { month: '2026-3' } })).body.error.param).toBe('month');
    expect((await call(createLink, url, { id: w.a }, w.ownerA, { method: 'POST', body: { month: '2026-03', expires_in_days: 0 } })).body.error.param).toBe('expires_in_days');
    expect((await call(createLink, url, { id: w.a }, w.ownerA, { method: 'POST', body: { month: '2999-01' } })).body.error.param).toBe('month');
    expect((await call(createLink, url, { id: w.a }, w.viewerA, { method: 'POST', body: { month: '2026-03' } })).status).toBe(403);
    expect((await call(createLink, `/api/workspaces/${w.b}/share-links`, { id: w.b }, w.ownerA, { method: 'POST', body: { month: '2026-03' } })).status).toBe(404);
    const created = await call(createLink, url, { id: w.a }, w.ownerA, { method: 'POST', body: { month: '2026-03' } });
    expect(created.status).toBe(201);
    const path = created.body.path as string;
    expect(path).toMatch(/^\/share\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    for (const id of [w.a, w.b, w.agentA, created.body.link.id]) expect(path).not.toContain(id);
    const token = path.slice('/share/'.length);
    const open = async (t: string) => openShare(await apiRequest(`/share/${t}`, null), { params: Promise.resolve({ token: t }) });
    const pdf = await open(token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await open(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).status).toBe(404);
    expect((await open('garbage')).status).toBe(404);
    const listed = await call(listLinks, url, { id: w.a }, w.ownerA);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body.links[0]).toMatchObject({ month: '2026-03', status: 'active' });
    const linkId = created.body.link.id as string;
    expect((await call(revokeLink, `${url}/${linkId}`, { id: w.b, linkId }, w.admin, { method: 'DELETE' })).status).toBe(404);
    expect((await call(revokeLink, `${url}/${linkId}`, { id: w.a, linkId }, w.ownerA, { method: 'DELETE' })).status).toBe(200);
    expect((await open(token)).status).toBe(404);
    // Expired.
    const short = await call(createLink, url, { id: w.a }, w.ownerA, { method: 'POST', body: { month: '2026-03', expires_in_days: 1 } });
    await db.shareLink.update({ where: { id: short.body.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await open(short.body.path.slice('/share/'.length))).status).toBe(404);
  });
});
