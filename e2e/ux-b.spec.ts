import type { Page } from '@playwright/test';
import type { WorkspaceListResponse } from '@/lib/api/schemas';
import { SETTINGS_SECTIONS } from '@/components/settings/sections';
import { expect, test } from './fixtures/auth';
import { checkWidths as checkWidthsIn } from './fixtures/widths';

/**
 * Issue 15 #2, #6, #8 per role and width: reports to date, drafts not final, tables as
 * cards at 390 px, tooltips inside the viewport, the header on one line, /admin/billing
 * in pages, deleted agents named alike, 403/404 pages with the app header and their own
 * titles, /workspaces with this month's figures. Every page passes axe (WCAG 2.2 AA) at
 * 1280 and 390 px.
 */

const SHOTS = process.env.UX_B_SHOTS ?? '/tmp/ux-b-shots';
const checkWidths = (page: Page, name: string) => checkWidthsIn(page, name, SHOTS);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function workspaces(page: Page) {
  const response = await page.request.get('/api/workspaces');
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as WorkspaceListResponse).workspaces;
}

async function acmeId(page: Page) {
  return (await workspaces(page)).find((w) => w.slug === 'acme-dental-group')!.id;
}

/** At 390 px the product link, the switcher and "Sign out" share one line. */
async function expectHeaderOnOneLine(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const banner = page.getByRole('banner');
  const home = await banner.getByRole('link', { name: 'VoiceDash' }).boundingBox();
  const signOut = await banner.getByRole('link', { name: 'Sign out' }).boundingBox();
  expect(home && signOut, 'header links are drawn').toBeTruthy();
  expect(Math.abs(home!.y + home!.height / 2 - (signOut!.y + signOut!.height / 2)), '"Sign out" is on the first line').toBeLessThan(8);
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** At 390 px a definition's tooltip, once open, lies inside the viewport. */
async function expectTooltipInside(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const buttons = page.getByRole('button', { name: /^How is “.*” computed\?$/ });
  const count = await buttons.count();
  expect(count, 'the page has a definition').toBeGreaterThan(0);
  for (const index of [0, count - 1]) {
    const button = buttons.nth(index);
    await button.focus();
    const id = await button.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${id}"]`);
    await expect(tip).toBeVisible();
    const box = (await tip.boundingBox())!;
    expect(box.x, 'tooltip starts inside the viewport').toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, 'tooltip ends inside the viewport').toBeLessThanOrEqual(390);
    await button.blur();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** At 390 px a table's rows are stacked cards: each cell labelled, nothing scrolls sideways inside. */
async function expectStackedTable(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  const region = page.getByRole('region', { name: `${name}, scrollable table` });
  const sideways = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  const firstRow = table.locator('tbody tr').first();
  expect(await firstRow.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
  expect(await firstRow.locator('td[data-label]').count()).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('owner', () => {
  test.use({ role: 'owner' });

  test('/workspaces lists this month’s calls and spend, searches names, sorts by collation', async ({ page }) => {
    await page.goto('/workspaces');
    await expect(page).toHaveTitle('Workspaces · VoiceDash');
    const list = page.getByRole('list', { name: 'Workspaces' });
    const cards = list.getByRole('listitem');
    await expect(cards).toHaveCount(3);
    for (const card of await cards.all()) await expect(card).toContainText(/\d[\d,]* calls\s*\$[\d,]+\.\d\d spend/);
    const names = await list.locator('li a > span:first-child').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
    await expectHeaderOnOneLine(page);
    await checkWidths(page, 'workspaces-owner');
    await page.getByLabel('Workspace name').fill('acme');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(cards).toHaveCount(1);
    await expect(page.getByText('1 of 3 workspaces')).toBeVisible();
    await page.getByLabel('Workspace name').fill('no such workspace');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByText('No workspace matches')).toBeVisible();
  });

  test('agents, reports, billing, an invoice, alerts and every settings tab, at 1280 and 390 px', async ({ page }) => {
    test.setTimeout(300_000); // a dozen pages, each scanned twice
    const id = await acmeId(page);
    const base = `/workspaces/${id}`;
    await page.goto(`${base}/agents`);
    await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
    await expectHeaderOnOneLine(page);
    await expectTooltipInside(page);
    await checkWidths(page, 'agents-owner');

    await page.goto(`${base}/reports`);
    const month = page.getByLabel('Month');
    await expect(month.locator('option').first()).toHaveText(/\(to date\)$/);
    await checkWidths(page, 'reports-owner');

    await page.goto(`${base}/billing`);
    await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    // The current month is a draft: its amount says so wherever it is shown.
    const draft = page.getByRole('row').filter({ hasText: 'Draft' }).first();
    await expect(draft).toContainText('(not final)');
    await expectStackedTable(page, 'Billing periods, newest first');
    await checkWidths(page, 'billing-owner');
    await draft.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft invoice');
    await expect(page.getByTestId('invoice-total')).toContainText('(not final)');
    await checkWidths(page, 'invoice-draft-owner');

    await page.goto(`${base}/alerts`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkWidths(page, 'alerts-owner');

    for (const section of SETTINGS_SECTIONS) {
      await page.goto(`${base}/settings/${section.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await checkWidths(page, `settings-${section.slug}-owner`);
    }
  });

  test('a deleted agent is named alike in the leaderboard, the agents list, the call table and the filter', async ({ page }) => {
    // The seed deletes some agents; find one with calls in the last year in the owner's workspaces.
    let found: { workspace: string; name: string; id: string } | null = null;
    for (const w of await workspaces(page)) {
      const response = await page.request.get(`/api/workspaces/${w.id}/calls/analytics?period=year`);
      const { callsByAgent } = (await response.json()) as { callsByAgent: { agentId: string | null; agentName: string | null; agentDeleted: boolean }[] };
      const row = callsByAgent.find((a) => a.agentDeleted && a.agentName !== null);
      if (row) {
        found = { workspace: w.id, name: row.agentName!, id: row.agentId! };
        break;
      }
    }
    expect(found, 'the seed has a deleted agent with calls').not.toBeNull();
    const label = `${found!.name} (deleted)`;
    await page.goto(`/workspaces/${found!.workspace}?period=year`);
    await expect(page.getByRole('table', { name: 'Agent leaderboard' }).getByRole('link', { name: label, exact: true })).toBeVisible();
    await page.goto(`/workspaces/${found!.workspace}/calls?period=year&agentId=${found!.id}`);
    await expect(page.getByRole('combobox', { name: 'Agent' })).toHaveValue(found!.id);
    await expect(page.getByRole('combobox', { name: 'Agent' }).locator('option:checked')).toHaveText(label);
    await expect(page.getByRole('table', { name: 'Calls', exact: true }).locator('tbody tr').first()).toContainText(label);
    const csv = await page.request.get(`/api/workspaces/${found!.workspace}/export?period=year&agentId=${found!.id}&format=csv`);
    expect(await csv.text()).toContain(label);
  });

  test('a report of the running month is to date and its series stops at today', async ({ page }) => {
    const id = await acmeId(page);
    await page.goto(`/workspaces/${id}/reports`);
    const current = await page.getByLabel('Month').locator('option').first().getAttribute('value');
    const response = await page.request.get(`/api/workspaces/${id}/reports/monthly?month=${current}&format=json`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toContain(`-${current}-to-date.json`);
    const report = (await response.json()) as { period: { toDate: boolean; end: string; timeZone: string }; charts: { costTrend: { date: string }[] } };
    expect(report.period.toDate).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: report.period.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(report.charts.costTrend.at(-1)!.date).toBe(today);
  });

  test('a workspace the owner only views answers Settings with a 403 page inside its header', async ({ page }) => {
    const mumbai = (await workspaces(page)).find((w) => w.name === 'Mumbai Metro Insurance')!;
    const response = await page.goto(`/workspaces/${mumbai.id}/settings/api-keys`);
    expect(response?.status()).toBe(403);
    await expect(page).toHaveTitle('Owners and admins only · VoiceDash');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Owners and admins only');
    await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
    await checkWidths(page, 'forbidden-settings-owner');
  });
});

test.describe('member', () => {
  test.use({ role: 'member' });

  test('one workspace: /workspaces opens it; its pages pass at 1280 and 390 px', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/workspaces');
    const id = await acmeId(page);
    await expect(page).toHaveURL(new RegExp(`/workspaces/${id}$`));
    for (const [section, name] of [['agents', 'agents'], ['reports', 'reports'], ['billing', 'billing'], ['alerts', 'alerts']] as const) {
      await page.goto(`/workspaces/${id}/${section}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkWidths(page, `${name}-member`);
    }
    await page.goto(`/workspaces/${id}/billing`);
    // A closed month (finalized, or paid once billing.spec has marked it): never "not final".
    await page.getByRole('row').filter({ hasText: /INV-\d{4}-\d{6}/ }).first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice INV-/);
    await expect(page.getByTestId('invoice-total')).not.toContainText('not final');
    await checkWidths(page, 'invoice-member');
  });

  test('403 and 404 pages keep the header and have their own titles', async ({ page }) => {
    test.setTimeout(180_000);
    const id = await acmeId(page);
    const refused = await page.goto(`/workspaces/${id}/settings`);
    expect(refused?.status()).toBe(403);
    await expect(page).toHaveTitle('Owners and admins only · VoiceDash');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Owners and admins only');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign out' })).toBeVisible();
    await checkWidths(page, 'forbidden-member');

    const admin = await page.goto('/admin/billing');
    expect(admin?.status()).toBe(403);
    await expect(page).toHaveTitle('Platform admins only · VoiceDash');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Platform admins only');
    await expect(page.getByRole('banner').getByRole('link', { name: /^VoiceDash/ })).toBeVisible();
    await checkWidths(page, 'forbidden-admin-member');

    await page.goto(`/workspaces/${id}/agents/${UNKNOWN}`);
    await expect(page).toHaveTitle('Page not found · VoiceDash');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
    await checkWidths(page, 'not-found-agent-member');

    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found · VoiceDash');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign out' })).toBeVisible();
    await checkWidths(page, 'not-found-member');

    // Another workspace looks exactly like a page that does not exist.
    await page.goto(`/workspaces/${UNKNOWN}`);
    await expect(page).toHaveTitle('Page not found · VoiceDash');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test.describe('admin', () => {
  test.use({ role: 'admin' });

  test('/admin/billing is paged by 50, keeps its filters, and names a bad page parameter', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/admin/billing');
    const pager = page.getByRole('navigation', { name: 'Pages of billing periods' });
    await expect(pager).toContainText(/^1–50 of [\d,]+ billing periods/);
    const rows = page.getByRole('table', { name: 'Billing periods across workspaces' }).locator('tbody tr');
    await expect(rows).toHaveCount(50);
    await expectStackedTable(page, 'Billing periods across workspaces');
    await checkWidths(page, 'admin-billing');
    await pager.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(pager).toContainText(/^51–/);
    await pager.getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL(/\/admin\/billing$/);

    await page.goto('/admin/billing?status=draft&page=1');
    await expect(pager.or(page.getByText('No billing periods match'))).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText('(not final)');

    for (const [query, message] of [['page=0', 'page: must be a whole number from 1'], ['page=abc', 'page: must be a whole number from 1'], ['status=open', 'status: must be one of']] as const) {
      await page.goto(`/admin/billing?${query}`);
      await expect(page.getByText(message)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Show every billing period' })).toBeVisible();
    }
    await checkWidths(page, 'admin-billing-bad-page');
  });

  test('/workspaces lists every workspace; a workspace’s pages pass at 1280 and 390 px', async ({ page }) => {
    test.setTimeout(300_000); // a dozen pages, each scanned twice
    await page.goto('/workspaces');
    const cards = page.getByRole('list', { name: 'Workspaces' }).getByRole('listitem');
    expect(await cards.count()).toBeGreaterThan(3);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toBeVisible();
    await expectHeaderOnOneLine(page);
    await checkWidths(page, 'workspaces-admin');
    await page.goto('/workspaces?q=' + 'x'.repeat(101));
    await expect(page.getByText('q: must be at most 100 characters')).toBeVisible();

    const id = await acmeId(page);
    for (const section of ['agents', 'reports', 'billing', 'alerts']) {
      await page.goto(`/workspaces/${id}/${section}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkWidths(page, `${section}-admin`);
    }
    for (const section of SETTINGS_SECTIONS) {
      await page.goto(`/workspaces/${id}/settings/${section.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await checkWidths(page, `settings-${section.slug}-admin`);
    }
    await page.goto(`/workspaces/${id}/billing/${UNKNOWN}`);
    await expect(page).toHaveTitle('Page not found · VoiceDash');
    await checkWidths(page, 'not-found-invoice-admin');
  });
});
