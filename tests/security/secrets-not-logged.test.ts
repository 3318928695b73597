import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createConnector } from '@/app/api/workspaces/[id]/connectors/route';
import { POST as rotateConnector } from '@/app/api/workspaces/[id]/connectors/[connectorId]/rotate/route';
import { POST as createKey } from '@/app/api/workspaces/[id]/api-keys/route';
import { DELETE as revokeKey } from '@/app/api/workspaces/[id]/api-keys/[keyId]/route';
import { POST as events } from '@/app/api/v1/events/route';
import { GET as overview } from '@/app/api/workspaces/[id]/overview/route';
import { getAuthOptions } from '@/lib/auth/options';
import type { Db } from '@/lib/db';
import { withSeededWorld, MARCH, type World } from '../api/fixtures';
import { call, SESSION_COOKIE, sessionToken, TEST_SECRET } from '../api/session';
import { deliver } from '../connectors/helpers';
import * as f from '../connectors/fixtures';

/**
 * Item 7 of issue 17: secrets never reach the logs. Everything the process writes (console,
 * stdout, stderr) is captured while the handlers go through API key creation, use and
 * revocation, connector creation and rotation, webhook deliveries (good, forged, malformed),
 * sign-in (right and wrong password), signed-in requests, and two failures that log an error
 * (a table gone mid-request); then every secret of the run is looked for in the capture,
 * and in the audit trail and the delivery log, which people read too.
 */
let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

const captured: string[] = [];
const restore: (() => void)[] = [];
beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      captured.push(format(...args));
    };
    restore.push(() => (console[method] = original));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original as typeof stream.write));
  }
});
let summary = '';
afterAll(() => {
  restore.forEach((undo) => undo());
  if (summary) console.info(summary);
});

describe('secrets never logged', () => {
  it('keys, connector secrets, passwords and session tokens appear in no log line, audit entry or delivery reason', { timeout: 120_000 }, async () => {
    const secrets: Record<string, string> = { password: w.password, nextauthSecret: TEST_SECRET, secretsKey: process.env.SECRETS_KEY! };

    // API keys: created over the API, used, misused, revoked.
    const key = await call(createKey, `/api/workspaces/${w.a}/api-keys`, { id: w.a }, w.ownerA, { method: 'POST', body: { name: 'logging test' } });
    expect(key.status).toBe(201);
    secrets.apiKey = key.body.key;
    const send = (authorization: string, body: unknown) =>
      call(events as never, '/api/v1/events', {}, null, { method: 'POST', body, headers: { authorization, origin: null, 'content-type': 'application/json' } });
    const event = { id: 'log-1', type: 'call.started', occurred_at: new Date(Date.now() - 60_000).toISOString(), data: { call_id: 'log-call' } };
    expect((await send(`Bearer ${secrets.apiKey}`, { events: [event] })).status).toBe(200);
    expect((await send(`Bearer ${secrets.apiKey}`, '{"events": [oops')).status).toBe(400);
    expect((await send(`Bearer ${secrets.apiKey}x`, { events: [event] })).status).toBe(401);
    expect((await send(`Basic ${Buffer.from(`u:${secrets.apiKey}`).toString('base64')}`, { events: [event] })).status).toBe(401);

    // Connectors: created, rotated, delivered to with the right and a forged signature.
    const made: Record<string, { id: string; secret: string }> = {};
    for (const [platform, extra] of [['bland', {}], ['vapi', {}], ['retell', { secret: 'key_retell_logging_0123456789abcd' }]] as const) {
      const r = await call(createConnector, `/api/workspaces/${w.a}/connectors`, { id: w.a }, w.ownerA, { method: 'POST', body: { platform, ...extra } });
      expect(r.status).toBe(201);
      made[platform] = { id: r.body.connector.id, secret: r.body.secret };
      secrets[`${platform}Secret`] = r.body.secret;
    }
    const rotated = await call(rotateConnector, `/api/workspaces/${w.a}/connectors/${made.bland!.id}/rotate`, { id: w.a, connectorId: made.bland!.id }, w.ownerA, { method: 'POST', body: {} });
    expect(rotated.status).toBe(200);
    secrets.blandRotated = rotated.body.secret as string;
    expect((await deliver('bland', made.bland!.id, secrets.blandRotated!, f.blandCall1)).status).toBe(200);
    expect((await deliver('bland', made.bland!.id, secrets.blandSecret!, f.blandCall2)).status).toBe(200); // the previous secret, still in its grace period
    expect((await deliver('bland', made.bland!.id, 'wrong-secret', f.blandCall3)).status).toBe(401);
    expect((await deliver('vapi', made.vapi!.id, secrets.vapiSecret!, f.vapiReport1)).status).toBe(200);
    expect((await deliver('vapi', made.vapi!.id, secrets.vapiSecret!, f.vapiReport2, { raw: '{"message": {' })).status).toBeGreaterThanOrEqual(400);
    expect((await deliver('retell', made.retell!.id, secrets.retellSecret!, f.retellStarted1)).status).toBe(200);

    // Sign-in, as next-auth runs it: authorize, then the jwt callback opens the session.
    const options = getAuthOptions();
    const provider = options.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
    const req = { headers: { 'x-forwarded-for': '203.0.113.9' } };
    expect(await provider.options.authorize({ email: w.ownerA.email, password: `${w.password}!` }, req)).toBeNull();
    const user = await provider.options.authorize({ email: w.ownerA.email, password: w.password }, req);
    expect(user).toMatchObject({ id: w.ownerA.id });
    const jwt = await options.callbacks!.jwt!({ token: { sub: w.ownerA.id }, user: user as never, account: null, trigger: 'signIn' } as never);
    secrets.sessionId = String(jwt.sid);

    // Signed-in requests carry a session token, good or tampered.
    const token = await sessionToken(w.ownerA);
    secrets.sessionToken = token;
    expect((await call(overview, `/api/workspaces/${w.a}/overview?${MARCH}`, { id: w.a }, null, { cookie: `${SESSION_COOKIE}=${token}` })).status).toBe(200);
    expect((await call(overview, `/api/workspaces/${w.a}/overview?${MARCH}`, { id: w.a }, null, { cookie: `${SESSION_COOKIE}=${token.slice(0, -4)}AAAA` })).status).toBe(401);

    // Two failures that log their error: the tables the key and the connector live in are gone mid-request.
    await db.$executeRawUnsafe('ALTER TABLE api_keys RENAME TO api_keys_gone');
    try {
      expect((await send(`Bearer ${secrets.apiKey}`, { events: [event] })).status).toBe(500);
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE api_keys_gone RENAME TO api_keys');
    }
    await db.$executeRawUnsafe('ALTER TABLE connectors RENAME TO connectors_gone');
    try {
      expect((await deliver('vapi', made.vapi!.id, secrets.vapiSecret!, f.vapiReport3)).status).toBeGreaterThanOrEqual(500);
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE connectors_gone RENAME TO connectors');
    }
    const keyId = key.body.apiKey.id;
    expect((await call(revokeKey, `/api/workspaces/${w.a}/api-keys/${keyId}`, { id: w.a, keyId }, w.ownerA, { method: 'DELETE' })).status).toBeLessThan(300);

    const logs = captured.join('\n');
    expect(logs, 'the failures above were logged, so the capture works').toMatch(/\[api\].*failed|internal|error/i);
    const audit = JSON.stringify(await db.auditLog.findMany());
    const deliveries = JSON.stringify(await db.connectorDelivery.findMany({ select: { reason: true, eventType: true, result: true } }));
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThanOrEqual(8);
      expect(logs.includes(secret), `${name} in the logs`).toBe(false);
      expect(audit.includes(secret), `${name} in the audit log`).toBe(false);
      expect(deliveries.includes(secret), `${name} in the delivery log`).toBe(false);
    }
    summary = `[secrets] ${captured.length} log writes (${logs.length} characters) captured, ${Object.keys(secrets).length} secrets looked for: none found`;
  });
});
