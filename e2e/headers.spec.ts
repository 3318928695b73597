import type { WorkspaceListResponse } from '@/lib/api/schemas';
import { expect, test } from './fixtures/auth';

// Security headers on every page and API route (next.config.mjs headers(), proxy.ts CSP).
test.use({ role: 'admin' });

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

test('every page and API route carries the security headers; pages a nonce CSP that allows only our scripts', async ({ page }) => {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as WorkspaceListResponse;
  const ws = workspaces.find((w) => w.slug === 'acme-dental-group')!;
  const agents = (await (await page.request.get(`/api/workspaces/${ws.id}/agents`)).json()) as { agents: { id: string }[] };
  const agent = agents.agents[0]!.id;
  const base = `/workspaces/${ws.id}`;
  const pages = ['/', '/login', '/workspaces', base, `${base}/calls`, `${base}/agents`, `${base}/agents/${agent}`, `${base}/reports`, `${base}/settings/audit-log`, '/admin', '/admin/providers', '/admin/workspaces', '/no-such-page'];
  const apis = [
    '/api/workspaces',
    `/api/workspaces/${ws.id}/overview`,
    `/api/workspaces/${ws.id}/calls/analytics`,
    `/api/workspaces/${ws.id}/calls`,
    `/api/workspaces/${ws.id}/agents`,
    `/api/workspaces/${ws.id}/agents/${agent}/performance`,
    `/api/workspaces/${ws.id}/usage`,
    `/api/workspaces/${ws.id}/billing-periods`,
    `/api/workspaces/${ws.id}/export?format=csv&period=day`,
    '/api/admin/overview',
    '/api/admin/providers',
    '/api/admin/workspaces',
    '/api/workspaces/not-a-workspace/overview',
  ];
  const nonces = new Set<string>();
  for (const url of pages) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers, url).toMatchObject(COMMON);
    expect(headers['permissions-policy'], url).toContain('camera=()');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).not.toContain('unsafe-eval');
    expect(headers['strict-transport-security'], `${url} over http`).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    nonces.add(nonce);
    // Next.js puts the request's nonce on the scripts it renders, and only that one.
    const html = await response.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length, url).toBeGreaterThan(0);
    expect(new Set(scriptNonces), url).toEqual(new Set([nonce]));
  }
  expect(nonces.size, 'a fresh nonce per response').toBe(pages.length);
  for (const url of apis) {
    const headers = (await page.request.get(url)).headers();
    expect(headers, url).toMatchObject(COMMON);
    expect(headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
  for (const url of ['/robots.txt', '/favicon.svg']) expect((await page.request.get(url)).headers(), url).toMatchObject(COMMON);
});

test('HSTS is sent when the request came over https (behind a TLS proxy)', async ({ page }) => {
  for (const url of ['/login', '/api/workspaces']) {
    const headers = (await page.request.get(url, { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(headers['strict-transport-security'], url).toBe('max-age=63072000; includeSubDomains');
  }
  const csp = (await page.request.get('/login', { headers: { 'x-forwarded-proto': 'https' } })).headers()['content-security-policy'];
  expect(csp).toContain('upgrade-insecure-requests');
});

test('pages work under the policy: the dashboard renders its charts and the console has no violation', async ({ page }) => {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as WorkspaceListResponse;
  await page.goto(`/workspaces/${workspaces[0]!.id}`);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
});
