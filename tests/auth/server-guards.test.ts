import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installConnection } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { seedWorld, type World } from '../api/fixtures';
import { SESSION_COOKIE, sessionToken } from '../api/session';

// The guards read the request through next/headers; outside Next there is no request, so
// these two functions are replaced by a cookie jar the test fills. The database is real.
const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => [...jar.cookies].map(([name, value]) => ({ name, value })) }),
  headers: async () => new Headers(),
}));
// React's cache() only memoises inside a server request; here each call runs afresh.
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

const { requireCaller, requirePlatformAdmin, requireWorkspaceAccess } = await import('@/lib/auth/server');

/** The digest Next uses to recognise redirect(), notFound() and forbidden(). */
async function interrupt(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  return 'no interrupt';
}

describe('server component guards', () => {
  let t: TestDatabase;
  let w: World;
  const signIn = async (user: World['ownerA'] | null, maxAge?: number) => {
    jar.cookies.clear();
    if (user) jar.cookies.set(SESSION_COOKIE, await sessionToken(user, maxAge));
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    installConnection(t.connection, t.db);
    w = await seedWorld(t.db);
  });
  beforeEach(() => {
    delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
  });
  afterAll(() => t?.dispose());

  it('requireCaller redirects signed-out and expired sessions to /login with the callback', async () => {
    await signIn(null);
    expect(await interrupt(requireCaller('/workspaces/x'))).toMatch(/^NEXT_REDIRECT;replace;\/login\?callbackUrl=%2Fworkspaces%2Fx;307;/);
    await signIn(w.ownerA, -60);
    expect(await interrupt(requireCaller())).toMatch(/^NEXT_REDIRECT;replace;\/login;307;/);
    await signIn(w.ownerA);
    expect(await requireCaller()).toMatchObject({ userId: w.ownerA.id, isPlatformAdmin: false });
  });

  it('requireWorkspaceAccess gives members their role and everyone else the not-found page', async () => {
    await signIn(w.viewerA);
    expect(await requireWorkspaceAccess(w.a)).toMatchObject({ role: 'viewer', workspace: { id: w.a, timezone: 'America/New_York' } });
    for (const id of [w.b, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await interrupt(requireWorkspaceAccess(id))).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    }
    await signIn(w.admin);
    expect(await requireWorkspaceAccess(w.b)).toMatchObject({ role: null, isPlatformAdmin: true });
  });

  it('requirePlatformAdmin answers 403 to others (404 until authInterrupts is enabled)', async () => {
    await signIn(w.admin);
    expect(await requirePlatformAdmin()).toMatchObject({ isPlatformAdmin: true });
    await signIn(w.ownerA);
    expect(await interrupt(requirePlatformAdmin())).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
    expect(await interrupt(requirePlatformAdmin())).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});
