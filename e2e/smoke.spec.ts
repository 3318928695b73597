import { expect, test } from '@playwright/test';

test('the signed-out landing page explains the product and links to sign-in', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('AI phone agents');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(errors).toEqual([]);
});

test('static files come from public/: robots.txt keeps the dashboard out of search engines, the favicon is served', async ({ request, page }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  const favicon = await request.get('/favicon.svg');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toContain('image/svg+xml');
  await page.goto('/login');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\/favicon\.svg/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});
