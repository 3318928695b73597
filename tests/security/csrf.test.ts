import { describe, expect, it } from 'vitest';
import { withSeededWorld, type World } from '../api/fixtures';
import { apiRequest, SESSION_COOKIE, sessionToken, TEST_ORIGIN } from '../api/session';

/**
 * Item 1 of issue 17, route by route: every state-changing route under app/api that a
 * session cookie authenticates refuses a cross-site request and a request with no Origin
 * (403 cross_site_request) before it looks at anything else, and the same request from the
 * app's own origin is not refused as cross-site. The routes are found by listing
 * app/api/**\/route.ts, so a route added later is covered without editing this file.
 * API-key and signed-webhook routes (app/api/v1) must not read the cookie at all.
 * Sign-in and sign-out (app/api/auth, next-auth) carry next-auth's own double-submit CSRF
 * token; their handler needs Next's request scope, so they are left to the browser tests.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const MODULES = import.meta.glob<Record<string, unknown>>('../../app/api/**/route.ts', { eager: true });
const WRITE_METHODS = ['POST', 'PATCH', 'PUT', 'DELETE'] as const;

type Route = { file: string; method: string; handler: Handler; segments: string[] };
const ROUTES: Route[] = Object.entries(MODULES).flatMap(([file, mod]) =>
  WRITE_METHODS.filter((m) => typeof mod[m] === 'function').map((method) => ({
    file,
    method,
    handler: mod[method] as Handler,
    segments: file.replace('../../app/', '').replace(/\/route\.ts$/, '').split('/'),
  })),
);
const isNextAuth = (r: Route) => r.segments.includes('[...nextauth]');
const isKeyOrWebhook = (r: Route) => r.segments[1] === 'v1';
const COOKIE_ROUTES = ROUTES.filter((r) => !isNextAuth(r) && !isKeyOrWebhook(r));
const KEY_ROUTES = ROUTES.filter(isKeyOrWebhook);

let w: World;
withSeededWorld((_, world) => {
  w = world;
});

/** The route's URL and params for workspace A (ids of A's own resources where there are any). */
function target(route: Route): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const path = route.segments.map((segment) => {
    const name = /^\[(.+)\]$/.exec(segment)?.[1];
    if (!name) return segment;
    const value = name === 'id' ? w.a : name === 'periodId' ? w.periodA : name === 'platform' ? 'vapi' : '00000000-0000-4000-8000-000000000001';
    params[name] = value;
    return value;
  });
  return { url: `/${path.join('/')}`, params };
}

const CROSS_SITE: [string, Record<string, string | null>][] = [
  ['a cross-site fetch (Origin + Sec-Fetch-Site: cross-site)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
  ['a cross-site form post (urlencoded, Origin only)', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }],
  ['a sibling subdomain (Sec-Fetch-Site: same-site)', { origin: 'http://evil.localhost:3000', 'sec-fetch-site': 'same-site' }],
  ['a sandboxed frame (Origin: null)', { origin: 'null' }],
  ['no Origin and no Sec-Fetch-Site', { origin: null }],
];

describe('CSRF: every state-changing cookie route', () => {
  it('the listing found the routes (a glob that matched nothing would prove nothing)', () => {
    expect(COOKIE_ROUTES.length).toBeGreaterThanOrEqual(9);
    expect(KEY_ROUTES.map((r) => r.segments.slice(0, 3).join('/')).sort()).toEqual(['api/v1/events', 'api/v1/webhooks']);
  });

  for (const route of COOKIE_ROUTES) {
    const name = `${route.method} /${route.segments.join('/')}`;
    it(`${name}: refuses cross-site and Origin-less requests with 403, accepts its own origin`, async () => {
      const { url, params } = target(route);
      const user = route.segments[1] === 'admin' ? w.admin : w.ownerA;
      const body = route.method === 'DELETE' ? undefined : '{}';
      for (const [label, headers] of CROSS_SITE) {
        const request = await apiRequest(url, user, { method: route.method, body, headers: { 'content-type': 'application/json', ...headers } });
        const response = await route.handler(request, { params: Promise.resolve(params) });
        expect(response.status, `${name}: ${label}`).toBe(403);
        expect(await response.json(), `${name}: ${label}`).toMatchObject({ error: { code: 'cross_site_request' } });
      }
      for (const headers of [{ origin: TEST_ORIGIN }, { 'sec-fetch-site': 'same-origin', origin: null }] as Record<string, string | null>[]) {
        const request = await apiRequest(url, user, { method: route.method, body, headers: { 'content-type': 'application/json', ...headers } });
        const response = await route.handler(request, { params: Promise.resolve(params) });
        const text = await response.text();
        expect(text, `${name} from the app's origin ${JSON.stringify(headers)}`).not.toContain('cross_site_request');
        expect(response.status, `${name} from the app's origin`).toBeLessThan(500);
      }
    });
  }

  for (const route of KEY_ROUTES) {
    const name = `${route.method} /${route.segments.join('/')}`;
    it(`${name}: takes no cookie: a signed-in owner's cookie authenticates nothing`, async () => {
      const { url, params } = target(route);
      const cookie = `${SESSION_COOKIE}=${await sessionToken(w.ownerA)}`;
      const statuses: number[] = [];
      for (const withCookie of [true, false]) {
        const request = await apiRequest(url, null, { method: route.method, body: '{"events":[]}', cookie: withCookie ? cookie : undefined, headers: { 'content-type': 'application/json' } });
        const response = await route.handler(request, { params: Promise.resolve(params) });
        statuses.push(response.status);
      }
      expect(statuses[0], name).toBeGreaterThanOrEqual(400);
      expect(statuses[0], `${name}: the cookie changed the answer`).toBe(statuses[1]);
    });
  }
});

