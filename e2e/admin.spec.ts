import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { formatLatency, formatNullablePercent } from '@/lib/admin/format';
import type { AdminWorkspacesResponse } from '@/lib/admin/workspace-response';
import type { AdminOverviewResponse, AdminProvidersResponse } from '@/lib/api/schemas';
import { formatCount, formatMoney, formatPercent } from '@/lib/charts/format';
import { providerKind, providerName, sortByProviderKind } from '@/lib/providers/brands';
import { expect, test } from './fixtures/auth';

/**
 * The admin console against the API: every figure a page shows is the API's figure for
 * the same range, formatted. The range is explicit past dates, so the page render and
 * the API call cannot straddle a moving "last 30 days" boundary.
 */

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const RANGE = `from=${isoDate(Date.now() - 31 * DAY)}&to=${isoDate(Date.now() - 2 * DAY)}`;
const SHOTS = path.join(import.meta.dirname, 'screenshots');

async function apiJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

async function screenshots(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
  // Nothing wider than the phone: the page itself never scrolls sideways (tables scroll inside their card).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at 390 px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const cells = (row: Locator) => row.locator('td');

test.describe('as a platform admin', () => {
  test.use({ role: 'admin' });

  test('/admin shows the overview API’s KPIs and top workspaces', async ({ page }) => {
    // Failed requests and page errors, the app's own (the app has no favicon yet).
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`/admin?${RANGE}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Platform overview' })).toBeVisible();
    const api = await apiJson<AdminOverviewResponse>(page, `/api/admin/overview?${RANGE}`);

    const kpi = (key: string) => page.locator(`[data-kpi="${key}"] [data-kpi-value]`);
    await expect(kpi('totalWorkspaces')).toHaveText(formatCount(api.totalWorkspaces));
    await expect(kpi('activeWorkspaces')).toHaveText(formatCount(api.activeWorkspaces));
    await expect(kpi('totalCalls')).toHaveText(formatCount(api.totalCalls));
    await expect(kpi('revenue')).toHaveText(formatMoney(api.totalRevenue));
    await expect(kpi('mrr')).toHaveText(formatMoney(api.mrr));
    await expect(kpi('arr')).toHaveText(formatMoney(api.arr));
    await expect(kpi('churnRate')).toHaveText(formatPercent(api.churnRate));
    // Range sums compare with the API's previous block.
    await expect(page.locator('[data-kpi="totalCalls"]')).toContainText(`vs ${formatCount(api.previous.totalCalls)} before`);
    await expect(page.locator('[data-kpi="revenue"]')).toContainText(`vs ${formatMoney(api.previous.totalRevenue)} before`);

    const rows = page.getByTestId('top-workspaces').locator('tbody tr');
    await expect(rows).toHaveCount(api.topWorkspaces.length);
    for (const [i, top] of api.topWorkspaces.entries()) {
      const row = rows.nth(i);
      const link = row.getByRole('link', { name: top.name, exact: true });
      await expect(link).toHaveAttribute('href', `/workspaces/${top.workspaceId}`);
      await expect(cells(row).nth(2)).toHaveText(formatCount(top.calls));
      await expect(cells(row).nth(3)).toHaveText(formatMoney(top.revenue));
    }

    // Charts: named, with a table fallback.
    await expect(page.getByRole('img', { name: /MRR by tier/ })).toBeVisible();
    // One bar per month of the range (it follows the range now, not a fixed last 12 months).
    await expect(page.getByRole('img', { name: /Revenue by month: [12] values?/ }).or(page.getByText('No revenue in this range'))).toBeVisible();

    // A definition on keyboard focus.
    const how = page.getByRole('button', { name: 'How is “MRR” computed?' });
    await how.focus();
    await expect(page.getByRole('tooltip').filter({ hasText: 'yearly tiers: fee / 12' })).toBeVisible();

    await screenshots(page, 'admin-overview');
    expect(errors).toEqual([]);
  });

  test('the top workspace links to its dashboard', async ({ page }) => {
    await page.goto(`/admin?${RANGE}`);
    const first = page.getByTestId('top-workspaces').locator('tbody tr').first().getByRole('link');
    const href = await first.getAttribute('href');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  test('/admin/providers shows the providers API’s figures and flags a negative margin', async ({ page }) => {
    await page.goto(`/admin/providers?${RANGE}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible();
    const api = await apiJson<AdminProvidersResponse>(page, `/api/admin/providers?${RANGE}`);
    expect(api.providers.length).toBeGreaterThan(0);
    const rows = page.getByTestId('providers').locator('tbody tr');
    await expect(rows).toHaveCount(api.providers.length);
    // Rows grouped by kind (telephony, speech-to-text, model, voice), named as the brands write them;
    // calls and success are per voice provider, "—" for the other vendors.
    for (const [i, p] of sortByProviderKind(api.providers, (row) => row.provider).entries()) {
      const row = cells(rows.nth(i));
      const voice = p.totalCalls > 0 || providerKind(p.provider) === 'voice';
      await expect(row.nth(0)).toContainText(providerName(p.provider));
      await expect(row.nth(1)).toHaveText(voice ? formatCount(p.totalCalls) : '—');
      await expect(row.nth(2)).toHaveText(voice ? formatPercent(p.successRate) : '—');
      await expect(row.nth(3)).toHaveText(formatMoney(p.totalCost));
      await expect(row.nth(4)).toHaveText(formatMoney(p.totalRevenue));
      await expect(row.nth(5)).toHaveText(formatNullablePercent(p.profitMargin));
      await expect(row.nth(6)).toHaveText(formatLatency(p.avgLatency));
      await expect(row.nth(7)).toHaveText(formatLatency(p.p95Latency));
    }
    // The demo's playht bills below cost: flagged in the row and in words.
    const losers = api.providers.filter((p) => p.profitMargin !== null && p.profitMargin < 0).map((p) => p.provider);
    expect(losers).toContain('playht');
    for (const provider of losers) await expect(page.locator(`[data-provider="${provider}"][data-loss]`)).toContainText('Loss');
    await expect(page.getByTestId('loss-note')).toContainText('PlayHT');
    await expect(page.getByRole('img', { name: /Cost vs revenue by provider/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Latency over time/ })).toBeVisible();
    await page.getByRole('button', { name: 'Show as table' }).first().click();
    await expect(page.getByRole('table', { name: 'Cost vs revenue by provider' })).toBeVisible();
    await screenshots(page, 'admin-providers');
  });

  test('/admin/workspaces lists, searches and sorts as the API does, state in the URL', async ({ page }) => {
    await page.goto(`/admin/workspaces?${RANGE}`);
    const table = page.getByTestId('workspaces');
    const expectRows = async (api: AdminWorkspacesResponse) => {
      const rows = table.locator('tbody tr');
      await expect(rows).toHaveCount(api.workspaces.length);
      for (const [i, w] of api.workspaces.entries()) {
        const row = cells(rows.nth(i));
        await expect(row.nth(0).getByRole('link', { name: w.name })).toHaveAttribute('href', `/workspaces/${w.workspaceId}`);
        await expect(row.nth(0)).toContainText(w.name);
        await expect(row.nth(3)).toHaveText(formatCount(w.calls));
        await expect(row.nth(4)).toHaveText(formatMoney(w.revenue));
        await expect(row.nth(5)).toHaveText(formatMoney(w.mrr));
      }
    };
    await expectRows(await apiJson<AdminWorkspacesResponse>(page, `/api/admin/workspaces?${RANGE}`));
    await screenshots(page, 'admin-workspaces');

    await page.getByRole('searchbox', { name: 'Search workspaces' }).fill('acme');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=acme/);
    expect(new URL(page.url()).searchParams.get('from')).toBe(new URLSearchParams(RANGE).get('from'));
    await expect(page.getByTestId('workspace-count')).toContainText('match “acme”');
    await expectRows(await apiJson<AdminWorkspacesResponse>(page, `/api/admin/workspaces?${RANGE}&q=acme`));

    await page.goto(`/admin/workspaces?${RANGE}`);
    await table.getByRole('link', { name: /^Calls/ }).click();
    await expect(page).toHaveURL(/sort=calls&order=desc/);
    await expect(table.getByRole('link', { name: /Calls.*sorted descending/ })).toBeVisible();
    await expectRows(await apiJson<AdminWorkspacesResponse>(page, `/api/admin/workspaces?${RANGE}&sort=calls&order=desc`));
    await table.getByRole('link', { name: /^Calls/ }).click();
    await expect(page).toHaveURL(/sort=calls&order=asc/);
    await expectRows(await apiJson<AdminWorkspacesResponse>(page, `/api/admin/workspaces?${RANGE}&sort=calls&order=asc`));
  });

  test('the range picker keeps the range in the URL across admin pages', async ({ page }) => {
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: 'Last 3 months' }).click();
    await expect(page).toHaveURL(/\/admin\?period=last_3_months$/);
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Providers' }).click();
    await expect(page).toHaveURL(/\/admin\/providers\?period=last_3_months$/);
    await expect(page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: 'Last 3 months' })).toHaveAttribute('aria-current', 'true');
  });

  test('a malformed range says which parameter is wrong', async ({ page }) => {
    await page.goto('/admin/workspaces?period=decade');
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be shown' })).toContainText('period: must be one of');
  });
});

test.describe('as a workspace owner', () => {
  test.use({ role: 'owner' });

  test('/admin pages are refused with a 403 page', async ({ page }) => {
    for (const url of ['/admin', '/admin/providers', '/admin/workspaces']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole('heading', { name: 'Platform admins only' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Admin sections' })).toHaveCount(0);
    }
    await screenshots(page, 'admin-forbidden');
  });

  test('/api/admin/* answers 403', async ({ page }) => {
    for (const url of ['/api/admin/overview', '/api/admin/providers', '/api/admin/workspaces']) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
    }
  });
});
