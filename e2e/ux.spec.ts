import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AdminOverviewResponse, CallListResponse, WorkspaceListResponse } from '@/lib/api/schemas';
import { formatCount, formatMoney } from '@/lib/charts/format';
import { expect, test } from './fixtures/auth';
import { checkWidths as checkWidthsIn } from './fixtures/widths';

/**
 * Issue 15 (what people see), per role and width: the admin console in calendar months,
 * calls over time with partial buckets, a call you can open, the call table's position.
 * Every page checked here passes an axe-core WCAG 2.2 AA scan at 1280 and 390 px.
 */

const SHOTS = process.env.UX_SHOTS ?? '/work/shots/ux';

async function api<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.ok(), `${url} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

const checkWidths = (page: Page, name: string) => checkWidthsIn(page, name, SHOTS);

async function acme(page: Page) {
  const { workspaces } = await api<WorkspaceListResponse>(page, '/api/workspaces');
  return workspaces.find((w) => w.slug === 'acme-dental-group')!;
}

test.describe('as a platform admin', () => {
  test.use({ role: 'admin' });

  test('the console opens on the last full month, with its revenue and the state at its end', async ({ page }) => {
    await page.goto('/admin');
    const api0 = await api<AdminOverviewResponse>(page, '/api/admin/overview');
    const now = new Date();
    const lastMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    expect(api0.range.from).toBe(lastMonthStart.toISOString());
    expect(api0.range.to).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());
    await expect(page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: 'Last month' })).toHaveAttribute('aria-current', 'true');
    const kpi = (key: string) => page.locator(`[data-kpi="${key}"] [data-kpi-value]`);
    await expect(kpi('revenue')).toHaveText(formatMoney(api0.totalRevenue));
    await expect(kpi('mrr')).toHaveText(formatMoney(api0.mrr));
    await expect(kpi('totalWorkspaces')).toHaveText(formatCount(api0.totalWorkspaces));
    await expect(page.getByRole('img', { name: /Revenue by month: 1 value/ }).or(page.getByText('No revenue in this range'))).toBeVisible();
    await checkWidths(page, 'admin-overview');

    // This month to date: the range shows its exact end time, and drafts are said as not final.
    await page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: 'This month to date' }).click();
    await expect(page).toHaveURL(/\/admin\?period=this_month$/);
    await expect(page.getByTestId('range-label')).toContainText(/\d{2}:\d{2}/);
    const mtd = await api<AdminOverviewResponse>(page, '/api/admin/overview?period=this_month');
    if (Number(mtd.draftRevenue) > 0) await expect(page.locator('[data-kpi="revenue"] [data-kpi-note]')).toHaveText(`+ ${formatMoney(mtd.draftRevenue)} in draft periods, not final`);
    await checkWidths(page, 'admin-overview-this-month');

    // Custom months.
    await page.getByRole('button', { name: 'Custom months' }).click();
    const lastYear = now.getUTCFullYear() - 1;
    await page.getByLabel('First month').fill(`${lastYear}-01`);
    await page.getByLabel('Last month (inclusive)').fill(`${lastYear}-06`);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${lastYear}-01&to=${lastYear}-06`));
    await expect(page.getByTestId('range-label')).toHaveText(`Jan 1, ${lastYear} – Jun 30, ${lastYear} · UTC`);
    await expect(page.getByRole('img', { name: /Revenue by month: 6 values/ }).or(page.getByText('No revenue in this range'))).toBeVisible();
  });

  test('the providers and workspaces pages take the same calendar range', async ({ page }) => {
    await page.goto('/admin/providers?period=last_3_months');
    await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible();
    await checkWidths(page, 'admin-providers');
    await page.goto('/admin/workspaces?period=last_12_months');
    await expect(page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: 'Last 12 months' })).toHaveAttribute('aria-current', 'true');
    await checkWidths(page, 'admin-workspaces');
  });
});

test.describe('as the owner', () => {
  test.use({ role: 'owner' });

  test('the overview draws calls over time by outcome; today compares with the same time yesterday', async ({ page }) => {
    const { id } = await acme(page);
    await page.goto(`/workspaces/${id}?period=week`);
    const card = page.getByRole('region', { name: 'Calls over time', exact: true });
    await expect(card.getByRole('img', { name: /Calls over time, by day: 8 days, [\d,]+ calls, 2 partial/ })).toBeVisible();
    // The partial first and last days say so in the table fallback.
    await expect(card.locator('table tbody tr').first()).toContainText('partial: from');
    await expect(card.locator('table tbody tr').last()).toContainText('partial: until');
    await checkWidths(page, 'overview-week');

    await card.getByRole('navigation', { name: 'Granularity' }).getByRole('link', { name: 'Week' }).click();
    await expect(page).toHaveURL(/granularity=week/);
    await expect(card.getByRole('img', { name: /by week/ })).toBeVisible();

    await page.goto(`/workspaces/${id}?period=day`);
    await expect(card.getByRole('img', { name: /by hour/ }).or(card.getByText('No calls in this range'))).toBeVisible();
    await expect(page.getByRole('group', { name: 'Calls', exact: true })).toContainText(/vs same time yesterday|No previous data/);
    await checkWidths(page, 'overview-today');

    await page.goto(`/workspaces/${id}?period=year&granularity=hour`);
    await expect(page.getByRole('status').filter({ hasText: 'granularity' })).toContainText('hourly points are for ranges of up to 31 days');
  });

  test('the call table says where it is, links each call, and recovers from a stale cursor', async ({ page }) => {
    test.setTimeout(180_000); // four axe scans, of the calls page with its six charts among them
    const { id } = await acme(page);
    const list = await api<CallListResponse>(page, `/api/workspaces/${id}/calls?period=month&limit=50`);
    await page.goto(`/workspaces/${id}/calls?period=month`);
    const table = page.getByRole('table', { name: 'Calls', exact: true });
    await expect(table.locator('tbody tr')).toHaveCount(50);
    await expect(page.getByTestId('calls-position')).toHaveText(`1–50 of ${formatCount(list.total)}`);
    await expect(table.locator('thead')).toContainText('Caller');
    await checkWidths(page, 'calls');
    // At 390 px the rows are stacked cards (the table stays for wider screens).
    await page.setViewportSize({ width: 390, height: 844 });
    const cards = page.getByRole('list', { name: 'Calls', exact: true }).locator('li');
    await expect(cards).toHaveCount(50);
    await cards.first().screenshot({ path: path.join(SHOTS, 'calls-card-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByTestId('calls-position')).toHaveText(`51–100 of ${formatCount(list.total)}`);

    // A cursor of another sort order: back to the first page, and said.
    await page.goto(`/workspaces/${id}/calls?period=month&sort=cost&cursor=${list.nextCursor}`);
    await expect(page.getByRole('status').filter({ hasText: 'first page' })).toBeVisible();
    await expect(page.getByTestId('calls-position')).toHaveText(/^1–50 of /);
    await expect(page).not.toHaveURL(/cursor=/);

    // Open the first call of the list.
    await page.goto(`/workspaces/${id}/calls?period=month`);
    const first = list.items[0]!;
    await table.locator('tbody tr').first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/workspaces/${id}/calls/${first.id}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Call from ${first.callerNumber ?? 'an unknown number'}`);
    await expect(page.getByRole('region', { name: 'Usage lines' }).first()).toBeVisible();
    await checkWidths(page, 'call-detail');

    // Find a call by its caller's number.
    if (first.callerNumber) {
      await page.goto(`/workspaces/${id}/calls`);
      await page.getByRole('searchbox', { name: 'Call id or caller number' }).fill(first.callerNumber);
      await page.getByRole('button', { name: 'Find' }).click();
      await expect(page.getByRole('table', { name: 'Calls found' }).getByRole('link').first()).toBeVisible();
      await checkWidths(page, 'find-call');
    }
  });
});

test.describe('as a member', () => {
  test.use({ role: 'member' });

  test('opens a call by id from search; another workspace’s call is not found', async ({ page }) => {
    const { id } = await acme(page);
    const list = await api<CallListResponse>(page, `/api/workspaces/${id}/calls?period=month&limit=1`);
    const callId = list.items[0]!.id;
    await page.goto(`/workspaces/${id}/calls/find?q=${callId}`);
    await expect(page).toHaveURL(new RegExp(`/calls/${callId}$`));
    await expect(page.getByRole('region', { name: 'Call', exact: true })).toContainText(callId);
    const foreign = await page.request.get(`/api/workspaces/${id}/calls/00000000-0000-4000-8000-000000000000`);
    expect(foreign.status()).toBe(404);
  });
});
