import { describe, expect, it } from 'vitest';
import { authConfig } from '@/lib/auth/config';
import { readSessionToken } from '@/lib/auth/caller';
import { getAuthOptions } from '@/lib/auth/options';
import { withThrottleStatus } from '@/lib/auth/throttle-response';
import { ConfigError } from '@/lib/env';
import { installConnection } from '@/lib/db';
import { createTestDatabase } from '../helpers/test-db';
import { apiRequest, TEST_SECRET } from '../api/session';

const user = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', email: 'ada@example.com', isPlatformAdmin: true };

describe('sessions', () => {
  it('reads a valid session token and refuses an expired or foreign one', async () => {
    expect(await readSessionToken(await apiRequest('/x', user))).toMatchObject({ uid: user.id, isPlatformAdmin: true });
    expect(await readSessionToken(await apiRequest('/x', user, { maxAge: -60 }))).toBeNull();
    expect(await readSessionToken(await apiRequest('/x', user, { secret: 'x'.repeat(40) }))).toBeNull();
    expect(await readSessionToken(await apiRequest('/x', null, { cookie: 'next-auth.session-token=garbage' }))).toBeNull();
    expect(await readSessionToken(await apiRequest('/x'))).toBeNull();
  });

  it('puts the user id, admin flag and a fresh server-side session into the JWT', async () => {
    const t = await createTestDatabase();
    try {
      installConnection(t.connection, t.db);
      await t.db.user.create({ data: { id: user.id, email: user.email, passwordHash: 'x', isPlatformAdmin: true } });
      const options = getAuthOptions();
      const token = await options.callbacks!.jwt!({ token: { email: user.email }, user: { ...user, name: null }, account: null, trigger: 'signIn' } as never);
      expect(token).toMatchObject({ uid: user.id, isPlatformAdmin: true, sid: expect.any(String) });
      const row = await t.db.userSession.findUniqueOrThrow({ where: { id: token.sid as string } });
      expect(row.userId).toBe(user.id);
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600_000);
      const session = await options.callbacks!.session!({ session: { expires: '' }, token } as never);
      expect(session.user).toEqual({ id: user.id, email: user.email, name: null, isPlatformAdmin: true });
      expect(options.session?.maxAge).toBe(7 * 24 * 3600);
      expect(options.session?.strategy).toBe('jwt');
    } finally {
      await t.dispose();
    }
  });

  it('validates the auth environment', () => {
    expect(() => authConfig({})).toThrow(ConfigError);
    expect(() => authConfig({ NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => authConfig({ NEXTAUTH_SECRET: TEST_SECRET, SESSION_MAX_AGE_HOURS: 'soon' })).toThrow(/SESSION_MAX_AGE_HOURS/);
    expect(authConfig({ NEXTAUTH_SECRET: TEST_SECRET, SESSION_MAX_AGE_HOURS: '2' }).sessionMaxAge).toBe(7200);
    expect(authConfig({ NEXTAUTH_SECRET: TEST_SECRET }).sessionIdleTimeout).toBe(12 * 3600);
    expect(() => authConfig({ NEXTAUTH_SECRET: TEST_SECRET, SESSION_IDLE_TIMEOUT_HOURS: '-1' })).toThrow(/SESSION_IDLE_TIMEOUT_HOURS/);
    expect(authConfig({ NEXTAUTH_SECRET: TEST_SECRET, NEXTAUTH_URL: 'https://dash.example' }).sessionCookieName).toBe('__Secure-next-auth.session-token');
  });
});

describe('throttled sign-in over the API', () => {
  const json = (body: unknown, status = 401) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('turns next-auth’s 401 for a throttled sign-in into 429, keeping the url signIn() reads', async () => {
    const response = await withThrottleStatus(json({ url: 'http://localhost:3000/api/auth/error?error=TooManyAttempts' }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('900');
    expect(await response.json()).toEqual({
      url: 'http://localhost:3000/api/auth/error?error=TooManyAttempts',
      error: { code: 'too_many_requests', message: 'Too many attempts, try again later' },
    });
  });

  it('leaves wrong passwords and successes alone', async () => {
    expect((await withThrottleStatus(json({ url: 'http://localhost:3000/api/auth/error?error=CredentialsSignin' }))).status).toBe(401);
    expect((await withThrottleStatus(json({ url: 'http://localhost:3000/' }, 200))).status).toBe(200);
    expect((await withThrottleStatus(new Response('x', { status: 302, headers: { location: '/login?error=TooManyAttempts' } }))).status).toBe(302);
  });
});
