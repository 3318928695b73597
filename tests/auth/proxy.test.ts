import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { isPublicPath } from '@/lib/auth/public-paths';
import { loginPath, safeCallbackPath } from '@/lib/auth/login-path';
import { apiRequest } from '../api/session';

const user = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', email: 'ada@example.com' };

describe('proxy', () => {
  it('sends signed-out page views to /login with a callbackUrl', async () => {
    const response = await proxy(await apiRequest('/workspaces/abc/calls?period=week'));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('callbackUrl')).toBe('/workspaces/abc/calls?period=week');
  });

  it('treats an expired session as signed out', async () => {
    const response = await proxy(await apiRequest('/admin', user, { maxAge: -60 }));
    expect(response.headers.get('location')).toContain('/login?callbackUrl=%2Fadmin');
  });

  it('lets signed-in callers and public paths through', async () => {
    expect((await proxy(await apiRequest('/admin', user))).headers.get('location')).toBeNull();
    for (const path of ['/', '/login', '/logout', '/api/workspaces', '/api/auth/session', '/favicon.ico', '/_next/static/x.js']) {
      expect((await proxy(await apiRequest(path))).headers.get('location'), path).toBeNull();
    }
  });

  it('knows which paths are public', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/logins')).toBe(false);
    expect(isPublicPath('/workspaces/1')).toBe(false);
    expect(isPublicPath('/robots.txt')).toBe(true);
  });
});

describe('callback URLs', () => {
  it('only ever sends people to a local path', () => {
    expect(safeCallbackPath('/workspaces/1?period=week')).toBe('/workspaces/1?period=week');
    for (const evil of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/ok\nLocation: x', '', undefined, 42]) {
      expect(safeCallbackPath(evil)).toBe('/');
    }
    expect(safeCallbackPath('/login?callbackUrl=/x')).toBe('/');
    expect(loginPath('/admin')).toBe('/login?callbackUrl=%2Fadmin');
    expect(loginPath('//evil')).toBe('/login');
  });
});
