import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type Locator, type Page } from '@playwright/test';
import type { CallAnalyticsResponse, OverviewResponse, WorkspaceListResponse } from '@/lib/api/schemas';
import { formatCount, formatMilliseconds, formatMinutes, formatMoney, formatPercent, formatSeconds } from '@/lib/charts/format';
import { hourPoints, leaderboardPoints } from '@/lib/charts/series';
import { DEMO_USERS, expect, signIn, test } from './fixtures/auth';

// The workspace dashboard in the browser, signed in as the demo owner of Acme Dental Group
// (America/New_York; also member of Berliner Stadtwerke Service, viewer of Mumbai Metro Insurance).

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
});
test.afterEach(() => {
  expect(consoleErrors, 'the browser console shows no errors').toEqual([]);
});

async function acme(page: Page): Promise<{ id: string; timezone: string }> {
  const response = await page.request.get('/api/workspaces');
  expect(response.ok()).toBeTruthy();
  const { workspaces } = (await response.json()) as WorkspaceListResponse;
  const workspace = workspaces.find((w) => w.slug === 'acme-dental-group');
  expect(workspace).toBeDefined();
  return workspace!;
}

async function api<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.ok(), `${url} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

const kpi = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true }).locator('[data-kpi-value]');
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const filters = (page: Page) => page.getByRole('form', { name: 'Filters' });

/** The figures column of a chart's table fallback (present, visually hidden, under every chart). */
const chartValues = (chart: Locator) => chart.locator('table tbody tr td:last-child');

async function expectOverviewKpis(page: Page, overview: OverviewResponse) {
  await expect(kpi(page, 'Calls')).toHaveText(formatCount(overview.calls.total));
  await expect(kpi(page, 'Success rate')).toHaveText(formatPercent(overview.performance.successRate));
  await expect(kpi(page, 'Minutes')).toHaveText(formatMinutes(overview.calls.totalMinutes));
  await expect(kpi(page, 'Avg duration')).toHaveText(formatSeconds(overview.calls.avgDuration));
  await expect(kpi(page, 'Avg response time')).toHaveText(formatMilliseconds(overview.performance.avgResponseTime));
  await expect(kpi(page, 'Billed cost')).toHaveText(formatMoney(overview.cost.total));
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // Every card has streamed in (no skeleton left), and charts re-measured after the resize.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    for (const surface of await page.locator('[role="img"] .recharts-surface').all()) await expect(surface).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('every page renders, and /workspaces lists the owner’s three workspaces', async ({ page }) => {
  await page.goto('/workspaces');
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
  await expect(page.getByRole('listitem')).toHaveCount(3);
  await screenshot(page, 'workspaces');
  await page.getByRole('link', { name: /Acme Dental Group/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByText('Time zone: America/New_York')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  for (const item of ['Overview', 'Calls', 'Agents', 'Reports']) await expect(nav.getByRole('link', { name: item })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Reports' })).toHaveAttribute('href', /\/workspaces\/[0-9a-f-]+\/reports$/);
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  for (const card of ['Cost trend', 'Calls by hour', 'Agent leaderboard', 'Calls by agent', 'Sentiment', 'Cost by provider']) {
    await expect(region(page, card)).toBeVisible();
  }
  await expect(region(page, 'Agent leaderboard').getByRole('table', { name: 'Agent leaderboard' }).locator('tbody tr').first()).toBeVisible();
  await screenshot(page, 'overview');

  await nav.getByRole('link', { name: 'Calls' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Calls', exact: true }).locator('tbody tr')).toHaveCount(50);
  await screenshot(page, 'calls');

  await nav.getByRole('link', { name: 'Agents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
  const firstAgent = page.getByRole('table', { name: 'Agents' }).locator('tbody tr a').first();
  const agentName = (await firstAgent.textContent())!;
  await screenshot(page, 'agents');

  await firstAgent.click();
  await expect(page.getByRole('heading', { level: 1, name: agentName })).toBeVisible();
  for (const card of ['Daily calls', 'Top intents', 'Sentiment']) await expect(region(page, card)).toBeVisible();
  await screenshot(page, 'agent');
});

test('KPI figures equal the JSON API for the same range (preset and custom dates)', async ({ page }) => {
  const { id } = await acme(page);
  for (const search of ['?period=year', '?from=2026-01-01&to=2026-03-31']) {
    await page.goto(`/workspaces/${id}${search}`);
    const overview = await api<OverviewResponse>(page, `/api/workspaces/${id}/overview${search}`);
    expect(overview.calls.total).toBeGreaterThan(0);
    await expectOverviewKpis(page, overview);
  }
});

test('changing the range updates the URL and the figures', async ({ page }) => {
  const { id } = await acme(page);
  await page.goto(`/workspaces/${id}?period=month`);
  const month = await api<OverviewResponse>(page, `/api/workspaces/${id}/overview?period=month`);
  await expectOverviewKpis(page, month);

  const week = await api<OverviewResponse>(page, `/api/workspaces/${id}/overview?period=week`);
  expect(week.calls.total).not.toBe(month.calls.total);
  await page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/[?&]period=week/);
  await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'true');
  await expectOverviewKpis(page, week);

  await page.getByRole('button', { name: 'Custom dates' }).click();
  await page.getByLabel('From').fill('2026-02-01');
  await page.getByLabel('To (inclusive)').fill('2026-02-28');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2026-02-01&to=2026-02-28/);
  await expectOverviewKpis(page, await api<OverviewResponse>(page, `/api/workspaces/${id}/overview?from=2026-02-01&to=2026-02-28`));
});

test('a filter narrows the leaderboard and the hour chart', async ({ page }) => {
  const { id } = await acme(page);
  await page.goto(`/workspaces/${id}/calls?period=year`);
  const all = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=year`);
  const failed = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=year&status=failed`);
  expect(failed.totalCalls).toBeLessThan(all.totalCalls);
  const displays = (points: { display: string }[]) => points.map((p) => p.display);

  await expect(chartValues(region(page, 'Calls by agent'))).toHaveText(displays(leaderboardPoints(all.callsByAgent, 10)));
  await expect(chartValues(region(page, 'Calls by hour'))).toHaveText(displays(hourPoints(all.callsByHour)));

  await filters(page).getByLabel('Status', { exact: true }).selectOption('failed');
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(chartValues(region(page, 'Calls by agent'))).toHaveText(displays(leaderboardPoints(failed.callsByAgent, 10)));
  await expect(chartValues(region(page, 'Calls by hour'))).toHaveText(displays(hourPoints(failed.callsByHour)));
  await expect(kpi(page, 'Calls')).toHaveText(formatCount(failed.totalCalls));
  // Started, Agent, Caller, Status, …: the table shows the caller since issue 15.
  const statuses = page.getByRole('table', { name: 'Calls', exact: true }).locator('tbody tr td:nth-child(4)');
  await expect(statuses.first()).toHaveText('Failed');
  for (const text of await statuses.allTextContents()) expect(text).toBe('Failed');
});

test('clicking a leaderboard bar filters the calls table to that agent', async ({ page }) => {
  const { id } = await acme(page);
  await page.goto(`/workspaces/${id}?period=month`);
  const { callsByAgent } = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=month`);
  const top = callsByAgent[0]!;
  await region(page, 'Calls by agent').locator('.recharts-bar-rectangle path').first().click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${id}/calls\\?period=month&agentId=${top.agentId}$`));
  await expect(filters(page).getByLabel('Agent', { exact: true })).toHaveValue(top.agentId!);
  const agents = page.getByRole('table', { name: 'Calls', exact: true }).locator('tbody tr td:nth-child(2)');
  await expect(agents.first()).toHaveText(top.agentName!);
  for (const text of await agents.allTextContents()) expect(text).toBe(top.agentName);
  await expect(kpi(page, 'Calls')).toHaveText(formatCount(top.count));
});

test('the voice provider filter offers the range’s providers and narrows the page to one', async ({ page }) => {
  const { id } = await acme(page);
  await page.goto(`/workspaces/${id}/calls?period=year`);
  const select = filters(page).getByLabel('Voice provider', { exact: true });
  // The seed's voice providers, and any that other specs sent in through the events API since.
  const options = await select.locator('option').allTextContents();
  expect(options[0]).toBe('All');
  expect(options).toEqual(expect.arrayContaining(['Cartesia', 'ElevenLabs', 'PlayHT'])); // brand names, lib/providers/brands
  // In reading order, by brand name (case aside), not by stored key.
  expect(options.slice(1)).toEqual([...options.slice(1)].sort(new Intl.Collator('en-US', { sensitivity: 'base', numeric: true }).compare));
  await select.selectOption('cartesia');
  await expect(page).toHaveURL(/[?&]provider=cartesia(&|$)/);
  const filtered = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=year&provider=cartesia`);
  expect(filtered.totalCalls).toBeGreaterThan(0);
  await expect(kpi(page, 'Calls')).toHaveText(formatCount(filtered.totalCalls));
});

test('a definition shows on keyboard focus; choosing an hour in the chart narrows the whole page to it', async ({ page }) => {
  const { id } = await acme(page);
  await page.goto(`/workspaces/${id}/calls?period=week`);
  const how = page.getByRole('button', { name: 'How is “Success rate” computed?' });
  await how.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'the share your agents completed' }).first()).toBeVisible();
  // The formula is one click (Enter) away, a disclosure Escape closes again.
  await expect(how).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(how).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(/How it is computed: 100 × completed ÷ terminal calls/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(how).toHaveAttribute('aria-expanded', 'false');
  await expect(how).toBeFocused();
  await expect(page.getByText(/How it is computed: 100 × completed ÷ terminal calls/)).toBeHidden();

  const { callsByHour } = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=week`);
  const busiest = callsByHour.reduce((best, bucket) => (bucket.count > best.count ? bucket : best));
  const hour = String(busiest.hour).padStart(2, '0');
  const chart = region(page, 'Calls by hour');
  await chart.getByRole('button', { name: 'Show as table' }).click();
  // On the page it filters, a bar is a toggle (cross-filtering: the hour chart keeps its 24 bars).
  await chart.getByRole('button', { name: new RegExp(`calls started at ${hour}:00`) }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]hour=${busiest.hour}(&|$)`));
  await expect(filters(page).getByLabel('Local hour', { exact: true })).toHaveValue(String(busiest.hour));
  await expect(chart.getByRole('button', { name: new RegExp(`calls started at ${hour}:00`) })).toHaveAttribute('aria-pressed', 'true');
  await expect(kpi(page, 'Calls')).toHaveText(formatCount(busiest.count));
  const started = page.getByRole('table', { name: 'Calls', exact: true }).locator('tbody tr td:first-child');
  await expect(started.first()).toBeVisible();
  for (const text of await started.allTextContents()) expect(text).toMatch(new RegExp(`, ${hour}:\\d\\d$`));
});

test.describe('tenancy', () => {
  test.use({ role: 'member' });

  test('a member of workspace A who types B’s URL gets the not-found page', async ({ page }) => {
    const admin = await playwrightRequest.newContext({ baseURL: new URL(page.url() === 'about:blank' ? `http://127.0.0.1:${process.env.E2E_PORT}` : page.url()).origin });
    await signIn(admin, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    const { workspaces } = (await (await admin.get('/api/workspaces')).json()) as WorkspaceListResponse;
    await admin.dispose();
    const berlin = workspaces.find((w) => w.slug === 'berliner-stadtwerke-service')!;
    const acmeId = workspaces.find((w) => w.slug === 'acme-dental-group')!.id;

    await page.goto(`/workspaces/${acmeId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    consoleErrors = [];
    const response = await page.goto(`/workspaces/${berlin.id}/calls`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('Berliner')).toHaveCount(0);
    // The browser logs the 404 of the document itself; nothing else may fail.
    consoleErrors = consoleErrors.filter((text) => !/status of 404/.test(text));
  });
});

test.describe('platform admin', () => {
  test.use({ role: 'admin' });

  test('sees every workspace and a link to /admin in the shell', async ({ page }) => {
    await page.goto('/workspaces');
    await expect(page.getByRole('listitem').first()).toBeVisible();
    expect(await page.getByRole('listitem').count()).toBeGreaterThan(3);
    await page.getByRole('link', { name: /Acme Dental Group/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin');
  });
});

test.describe('signed out', () => {
  test.use({ role: null });

  test('the dashboard asks to sign in first', async ({ page }) => {
    await page.goto('/workspaces');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fworkspaces/);
    consoleErrors = consoleErrors.filter((text) => !/status of 404/.test(text));
  });
});
