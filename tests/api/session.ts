import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { createSession } from '@/lib/auth/sessions';
import { getDb, hasDb } from '@/lib/db';

/**
 * Real next-auth sessions for tests: a JWT encrypted with the test secret in the session
 * cookie of a NextRequest, exactly what a browser sends after signing in.
 */
export const TEST_SECRET = 'test-secret-for-vitest-only-0123456789abcdef';
process.env.NEXTAUTH_SECRET = TEST_SECRET;
delete process.env.NEXTAUTH_URL;

export const SESSION_COOKIE = 'next-auth.session-token';

export type TestUser = { id: string; email: string; isPlatformAdmin?: boolean };

/**
 * An encoded session token; `maxAge` in seconds (negative: already expired). Like a real
 * sign-in it opens a server-side session (lib/auth/sessions.ts) when the test has a
 * database and the user exists there; `sid` overrides that (e.g. a revoked session).
 */
export async function sessionToken(user: TestUser, maxAge = 8 * 3600, secret = TEST_SECRET, sid?: string): Promise<string> {
  let session = sid;
  if (session === undefined && hasDb()) {
    const db = await getDb();
    if (await db.user.findUnique({ where: { id: user.id }, select: { id: true } })) session = await createSession(db, user.id, null);
  }
  return encode({
    token: { sub: user.id, uid: user.id, email: user.email, isPlatformAdmin: user.isPlatformAdmin === true, ...(session ? { sid: session } : {}) },
    secret,
    maxAge,
  });
}

export const TEST_ORIGIN = 'http://localhost:3000';

export type RequestInit = {
  maxAge?: number;
  secret?: string;
  /** The server-side session the token names (default: a fresh one). */
  sid?: string;
  cookie?: string;
  method?: string;
  /** JSON-encoded (with Content-Type: application/json) unless it is already a string. */
  body?: unknown;
  /** Extra or overriding headers. A state-changing method gets `Origin: <TEST_ORIGIN>` unless set here (null removes it). */
  headers?: Record<string, string | null>;
};

export async function apiRequest(url: string, user?: TestUser | null, init: RequestInit = {}): Promise<NextRequest> {
  const headers = new Headers({ host: 'localhost:3000' });
  if (init.cookie !== undefined) headers.set('cookie', init.cookie);
  else if (user) headers.set('cookie', `${SESSION_COOKIE}=${await sessionToken(user, init.maxAge, init.secret, init.sid)}`);
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') headers.set('origin', TEST_ORIGIN);
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    if (typeof init.body !== 'string') headers.set('content-type', 'application/json');
  }
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new NextRequest(new URL(url, TEST_ORIGIN), { method, headers, body });
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

export async function call(handler: Handler, url: string, params: Record<string, string>, user?: TestUser | null, init?: RequestInit) {
  const response = await handler(await apiRequest(url, user, init), { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // left as text: a non-JSON body is itself a test failure where JSON is expected
  }
  // Loosely typed on purpose: tests parse bodies with the response schemas where the shape matters.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: body as any, headers: response.headers };
}
