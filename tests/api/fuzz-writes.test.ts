import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRule } from '@/lib/alerts';
import { createApiKey } from '@/lib/apikeys';
import { CLI_ACTOR } from '@/lib/audit';
import { errorResponseSchema } from '@/lib/api/schemas';
import { createConnector } from '@/lib/connectors/store';
import { signDelivery, type Platform } from '@/lib/connectors/verify';
import type { Db } from '@/lib/db';
import '../connectors/helpers';
import * as f from '../connectors/fixtures';
import { WRITE_ENDPOINTS, type WriteEndpoint } from './endpoints';
import { withSeededWorld, type World } from './fixtures';
import { apiRequest, SESSION_COOKIE, sessionToken, TEST_ORIGIN, type TestUser } from './session';
import { createRandom } from '@/prisma/seed/random';

/**
 * Issue 17's fuzz pass over every route the write side added (issues 13–17, alerts and
 * report delivery of issue 16 included): ≥ 2,000 random and hostile
 * requests per route (FUZZ_WRITE_CASES), from every kind of caller (owner, viewer, another
 * workspace's member, platform admin, nobody, forged cookies, right/wrong/foreign API keys,
 * right/wrong/missing webhook signatures), with hostile ids, query strings and bodies (wrong
 * types, broken JSON, wrong content types, oversized, deeply nested, prototype keys).
 * Never a 5xx; every error a JSON 4xx in the API's one error shape; no response to a
 * caller of one workspace holds the other's ids, names or secrets; and afterwards the
 * audit log shows no write by anyone into a workspace they do not belong to.
 * Deterministic: a failure names its seed and case; rerun with FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.FUZZ_WRITE_CASES ?? 2000);
process.env.API_RATE_LIMIT_PER_MINUTE = '100000000';
process.env.INGEST_RATE_LIMIT_PER_MINUTE = '100000000';

/** mulberry32, the seed's own generator: the same seed gives the same sequence. */
const mulberry32 = (seed: number): (() => number) => createRandom(seed).next;

const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "1'; DROP TABLE calls; --",
  '$1',
  '\u0000',
  'a\u0000b',
  '\u202e\u0007',
  'ﬀ☃💥',
  'ẞ'.repeat(600),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '2026-02-30',
  '9999-12-31',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil")',
  'null',
  '__proto__',
  ' ',
  '',
];
const HOSTILE_VALUES: unknown[] = [null, true, false, 0, -1, 1e308, -0, 2 ** 63, 0.1, [], [1, 'a'], {}, { $gt: '' }, { __proto__: { isPlatformAdmin: true } }, ['__proto__']];
const QUERY_KEYS = ['month', 'quarter', 'format', 'kind', 'from', 'to', 'period', 'timeZone', 'agentId', 'status', 'limit', 'cursor', 'unknown', '__proto__'];
const QUERY_VALID: Record<string, string[]> = {
  month: ['2026-03', '2026-02', '2026-13'],
  quarter: ['2026-Q1', '2026-Q5'],
  format: ['json', 'pdf', 'csv', 'md', 'xml'],
  kind: ['months', 'movements', 'cohorts'],
  from: ['2026-03-01', '2026-01', '2025-12'],
  to: ['2026-03-31', '2026-03'],
  period: ['month', 'day'],
  timeZone: ['UTC', 'Asia/Kathmandu', 'Mars/Base'],
};

type Tenant = 'a' | 'b' | null;
type Summary = { requests: number; fiveXx: number; statuses: Record<number, number> };

let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

const setup = {
  keys: { a: { id: '', key: '' }, b: { id: '', key: '' } },
  connectors: { a: [] as { id: string; platform: Platform; secret: string }[], b: [] as { id: string; platform: Platform; secret: string }[] },
  cookies: new Map<TestUser | null, string | undefined>(),
  rules: { a: '', b: '', platform: '' },
};
const summaries = new Map<string, Summary>();

/**
 * Before each route and every 100 requests: what the fuzzing revoked, deleted, paid or
 * voided is made anew, so that every route keeps meeting live keys, connectors and a
 * finalized period.
 */
async function replenish(): Promise<void> {
  for (const tenant of ['a', 'b'] as const) {
    const workspaceId = w[tenant];
    const live = await db.apiKey.findFirst({ where: { id: setup.keys[tenant].id, revokedAt: null } });
    if (!live) {
      const made = await createApiKey(db, { workspaceId, name: `fuzz ${tenant}`, actor: CLI_ACTOR });
      setup.keys[tenant] = { id: made.apiKey.id, key: made.key };
    }
    for (const [i, c] of setup.connectors[tenant].entries()) {
      const row = await db.connector.findFirst({ where: { workspaceId, id: c.id } });
      if (row && !row.disabledAt) continue;
      if (row) await db.connector.update({ where: { workspaceId_id: { workspaceId, id: c.id } }, data: { disabledAt: null } });
      else {
        const made = await createConnector(db, { workspaceId, platform: c.platform, secret: c.platform === 'retell' ? `key_fuzz_${tenant}_0123456789abcdef` : undefined, actor: CLI_ACTOR });
        setup.connectors[tenant][i] = { id: made.connector.id, platform: c.platform, secret: made.secret };
      }
    }
  }
  await db.$executeRawUnsafe(`UPDATE billing_periods SET status = 'finalized' WHERE id IN ('${w.periodA}', '${w.periodB}')`);
  const rule = { name: 'fuzz rule', window_minutes: 60, comparator: 'gt' as const, threshold: 0.5, min_calls: 0, channels: [], renotify_minutes: 60, enabled: true };
  for (const tenant of ['a', 'b'] as const) {
    if (!setup.rules[tenant] || !(await db.alertRule.findFirst({ where: { id: setup.rules[tenant] } }))) {
      setup.rules[tenant] = (await createRule(db, w[tenant], { ...rule, metric: 'failure_rate' }, CLI_ACTOR)).rule.id;
    }
  }
  if (!setup.rules.platform || !(await db.alertRule.findFirst({ where: { id: setup.rules.platform } }))) {
    setup.rules.platform = (await createRule(db, null, { ...rule, metric: 'provider_margin' }, CLI_ACTOR)).rule.id;
  }
}

beforeAll(async () => {
  for (const tenant of ['a', 'b'] as const) {
    const workspaceId = w[tenant];
    const made = await createApiKey(db, { workspaceId, name: `fuzz ${tenant}`, actor: CLI_ACTOR });
    setup.keys[tenant] = { id: made.apiKey.id, key: made.key };
    for (const platform of ['bland', 'vapi', 'retell'] as const) {
      const c = await createConnector(db, { workspaceId, platform, secret: platform === 'retell' ? `key_fuzz_${tenant}_0123456789abcdef` : undefined, actor: CLI_ACTOR });
      setup.connectors[tenant].push({ id: c.connector.id, platform, secret: c.secret });
    }
  }
  for (const user of [w.ownerA, w.viewerA, w.memberB, w.admin]) setup.cookies.set(user, `${SESSION_COOKIE}=${await sessionToken(user)}`);
  setup.cookies.set(null, undefined);
});

afterAll(() => {
  const lines = [...summaries].map(([name, s]) => `  ${name.padEnd(30)} ${String(s.requests).padStart(5)} requests, ${s.fiveXx} 5xx, statuses ${JSON.stringify(s.statuses)}`);
  const total = [...summaries.values()].reduce((n, s) => n + s.requests, 0);
  const fiveXx = [...summaries.values()].reduce((n, s) => n + s.fiveXx, 0);
  console.log(`[fuzz-writes] seed ${SEED}: ${total} requests over ${summaries.size} routes, ${fiveXx} 5xx\n${lines.join('\n')}`);
});

/** What a caller of one workspace must never see of the other. */
function foreignOf(tenant: Tenant): string[] {
  if (tenant === null) return [];
  const other = tenant === 'a' ? 'b' : 'a';
  const named = other === 'a' ? [w.a, w.agentA, w.deletedAgentA, w.periodA, ...w.callIdsA, 'Alpha'] : [w.b, w.agentB, w.periodB, ...w.callIdsB, 'Beta', 'secret-provider-b', 'beta-only'];
  return [...named, setup.keys[other].id, ...setup.connectors[other].map((c) => c.id), setup.rules[other]];
}
const SECRETS = () => [setup.keys.a.key, setup.keys.b.key, ...setup.connectors.a.map((c) => c.secret), ...setup.connectors.b.map((c) => c.secret)];

describe('fuzzing every write-side route', () => {
  for (const endpoint of WRITE_ENDPOINTS) {
    it(`${endpoint.name}: ${CASES} hostile requests, no 5xx, no foreign data`, { timeout: 600_000 }, async () => {
      const random = mulberry32(SEED ^ hash(endpoint.name));
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const uuid = () => '00000000-0000-4000-8000-000000000000'.replace(/0/g, () => pick('0123456789abcdef'.split('')));
      const hostile = (): unknown => (random() < 0.6 ? pick(HOSTILE_STRINGS) : pick(HOSTILE_VALUES));
      const summary: Summary = { requests: 0, fiveXx: 0, statuses: {} };
      summaries.set(endpoint.name, summary);
      await replenish();

      for (let n = 0; n < CASES; n++) {
        // Every 100 requests, what deletes and status changes used up is made anew.
        if (n % 100 === 99) await replenish();
        const c = buildCase(endpoint, { random, pick, uuid, hostile });
        const label = `seed ${SEED} case ${n}: ${endpoint.name} ${c.describe}`;
        const request = await apiRequest(c.url, null, { method: endpoint.method, cookie: c.cookie, body: c.body, headers: c.headers });
        const response = await (endpoint.handler as (r: unknown, ctx: unknown) => Promise<Response>)(request, { params: Promise.resolve(c.params) });
        const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
        summary.requests++;
        summary.statuses[response.status] = (summary.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) summary.fiveXx++;
        expect(response.status, `${label} → ${text.slice(0, 300)}`).toBeLessThan(500);
        expect([200, 201, 202, 204, 207, 400, 401, 403, 404, 409, 413, 415, 422, 429], label).toContain(response.status);
        if (response.status >= 400) {
          expect(errorResponseSchema.safeParse(JSON.parse(text)).success, `${label}: error body ${text.slice(0, 200)}`).toBe(true);
        } else if (!endpoint.binary || response.headers.get('content-type')?.includes('json')) {
          expect(() => JSON.parse(text), label).not.toThrow();
        }
        if (response.status < 300) {
          const readable = response.headers.get('content-type')?.includes('pdf') ? '' : text;
          for (const foreign of foreignOf(c.tenant)) expect(readable.includes(foreign), `${label} leaked ${foreign}`).toBe(false);
          for (const secret of SECRETS()) expect(readable.includes(secret), `${label} returned a stored secret`).toBe(false);
          if (endpoint.auth === 'workspace' && c.user !== w.admin) expect(c.params.id, `${label}: a 2xx for a workspace the caller is not in`).toBe(c.tenant === 'b' ? w.b : w.a);
        }
      }
      // The generator must get past the guards to the handler, not only bounce off them.
      const reached = Object.entries(summary.statuses).filter(([s]) => Number(s) < 300 || [400, 409, 413, 415].includes(Number(s))).reduce((n, [, k]) => n + k, 0);
      expect(reached, JSON.stringify(summary.statuses)).toBeGreaterThan(CASES / 200);
      expect(Object.keys(summary.statuses).some((s) => Number(s) < 300), JSON.stringify(summary.statuses)).toBe(true);
    });
  }

  it('left no write by anyone in a workspace they do not belong to (audit log)', async () => {
    const entries = await db.auditLog.findMany({ where: { workspaceId: { in: [w.a, w.b] } }, select: { workspaceId: true, actorUserId: true, action: true } });
    expect(entries.length).toBeGreaterThan(10);
    const allowed = { [w.a]: [w.ownerA.id, w.admin.id, null], [w.b]: [w.memberB.id, w.admin.id, null] };
    for (const e of entries) expect(allowed[e.workspaceId!], JSON.stringify(e)).toContain(e.actorUserId);
  });
});

type Tools = { random: () => number; pick: <T>(items: readonly T[]) => T; uuid: () => string; hostile: () => unknown };
type Case = { url: string; params: Record<string, string>; cookie?: string; headers: Record<string, string | null>; body?: unknown; user: TestUser | null; tenant: Tenant; describe: string };

/** HTTP header values are bytes without controls or spaces at the ends; a real client cannot send more. */
const headerSafe = (value: string) => value.replace(/[^\x21-\x7e]/g, '%');

function buildCase(endpoint: WriteEndpoint, { random, pick, uuid, hostile }: Tools): Case {
  const hostileId = () => String(pick(HOSTILE_STRINGS));
  const hostileHeader = () => headerSafe(hostileId());
  const headers: Record<string, string | null> = {};
  let user: TestUser | null = null;
  let tenant: Tenant = null;
  let cookie: string | undefined;
  const params: Record<string, string> = {};

  if (endpoint.auth === 'workspace' || endpoint.auth === 'admin') {
    user = pick([w.ownerA, w.ownerA, w.viewerA, w.memberB, w.admin, null]);
    tenant = user === w.memberB ? 'b' : user === w.ownerA || user === w.viewerA ? 'a' : null;
    cookie = random() < 0.05 ? `${SESSION_COOKIE}=${pick(['garbage', 'eyJhbGciOiJub25lIn0.e30.', hostileHeader()])}` : setup.cookies.get(user);
    params.id = pick([w.a, w.a, w.b, uuid(), hostileId()]);
  }
  const side = () => pick(['a', 'a', 'b'] as const);
  for (const segment of endpoint.segments) {
    if (segment === 'keyId') params.keyId = pick([setup.keys[side()].id, uuid(), hostileId()]);
    if (segment === 'ruleId') params.ruleId = pick([setup.rules.a, setup.rules.a, setup.rules.b, setup.rules.platform, uuid(), hostileId()]);
    if (segment === 'periodId') params.periodId = pick([w.periodA, w.periodB, uuid(), hostileId()]);
    if (segment === 'connectorId' && endpoint.auth !== 'webhook') params.connectorId = pick([...setup.connectors.a.map((c) => c.id), setup.connectors.b[0]!.id, uuid(), hostileId()]);
  }

  let body: unknown = endpoint.body ? endpoint.body(pick, hostile) : undefined;
  if (endpoint.auth === 'api-key') {
    const which = pick(['a', 'a', 'b', 'wrong', 'none', 'hostile'] as const);
    tenant = which === 'a' || which === 'b' ? which : null;
    const key = which === 'a' || which === 'b' ? setup.keys[which].key : which === 'wrong' ? `vd_live_${'Z'.repeat(43)}` : which === 'hostile' ? hostileHeader() : null;
    if (key !== null) headers.authorization = pick(['Bearer ', 'Bearer ', 'bearer ', 'Basic ', '']) + key;
    if (random() < 0.1) cookie = setup.cookies.get(w.ownerA); // ignored: API-key routes take no cookies
  }
  if (endpoint.auth === 'webhook') {
    const side = pick(['a', 'a', 'b'] as const);
    const connector = pick(setup.connectors[side]);
    tenant = side;
    params.platform = random() < 0.9 ? connector.platform : pick(['twilio', hostileId(), 'VAPI']);
    params.connectorId = random() < 0.85 ? connector.id : pick([uuid(), hostileId()]);
    const fixtures: Record<Platform, unknown[]> = { vapi: [f.vapiReport1, f.vapiReport2, f.vapiTranscript], retell: [f.retellStarted1, f.retellEnded1, f.retellAnalyzed1], bland: [f.blandCall1, f.blandCall2] };
    const payload = mutateObject(structuredClone(pick(fixtures[connector.platform])) as Record<string, unknown>, random, pick, hostile);
    const raw = random() < 0.9 ? JSON.stringify(payload) : pick(['{"message":', '', 'null', '[]', '\u0000'.repeat(10), '{'.repeat(5000)]);
    const secret = pick([connector.secret, connector.secret, connector.secret, 'wrong-secret-0123456789', null]);
    if (secret !== null) Object.assign(headers, signDelivery(connector.platform, raw, secret));
    if (random() < 0.1) Object.assign(headers, { 'x-retell-signature': hostileHeader(), 'x-vapi-secret': hostileHeader(), 'x-webhook-signature': hostileHeader() });
    body = raw;
    headers['content-type'] = pick(['application/json', 'application/json', 'text/plain']);
    headers.origin = null;
    if (random() < 0.1) cookie = setup.cookies.get(w.ownerA);
  }

  // The body, mutated: as given, a random value, broken JSON, oversized, nested, prototype keys, wrong type.
  if (endpoint.method !== 'GET' && endpoint.auth !== 'webhook') {
    const r = random();
    if (r < 0.15) body = hostile();
    else if (r < 0.25) body = pick(['{"name": "x"', 'not json', '', '{"name": "\ud800"}', '[' + '['.repeat(3000)]);
    else if (r < 0.3) body = JSON.stringify({ name: 'x'.repeat(70_000) });
    else if (r < 0.35) body = '{"__proto__": {"isPlatformAdmin": true}, "constructor": {"prototype": {"role": "owner"}}, "name": "p"}';
    else if (r < 0.45 && body && typeof body === 'object') body = mutateObject(body as Record<string, unknown>, random, pick, hostile);
    if (body !== undefined && typeof body !== 'string') body = JSON.stringify(body);
    headers['content-type'] = random() < 0.9 ? 'application/json' : pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']);
    // Mostly the app's own origin; sometimes another site, which must be refused.
    headers.origin = random() < 0.92 ? TEST_ORIGIN : pick(['https://evil.example', 'null']);
  }

  const query = new URLSearchParams();
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    const key = pick(QUERY_KEYS);
    query.append(key, random() < 0.6 && QUERY_VALID[key] ? pick(QUERY_VALID[key]!) : String(pick(HOSTILE_STRINGS)));
  }
  const encoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]));
  const url = `${endpoint.path(encoded)}?${query}`;
  return { url, params, cookie, headers, body, user, tenant, describe: `as ${user?.email ?? tenant ?? 'nobody'} ${JSON.stringify(params)} ?${query} ${String(typeof body === 'string' ? body : '').slice(0, 120)}` };
}

function mutateObject(value: Record<string, unknown>, random: () => number, pick: Tools['pick'], hostile: () => unknown): Record<string, unknown> {
  const walk = (node: unknown, depth: number): unknown => {
    if (node === null || typeof node !== 'object' || depth > 6) return random() < 0.15 ? hostile() : node;
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (random() < 0.05) continue; // a missing field
      out[k] = walk(v, depth + 1);
    }
    if (random() < 0.05) out[pick(['__proto__', 'constructor', 'workspace_id', 'workspaceId', 'extra'])] = hostile();
    return out;
  };
  return walk(value, 0) as Record<string, unknown>;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
