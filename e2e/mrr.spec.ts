import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AdminMrrResponse } from '@/lib/admin/mrr-response';
import type { AdminWorkspacesResponse } from '@/lib/admin/workspace-response';
import { formatMoney } from '@/lib/charts/format';
import { expect, signIn, test } from './fixtures/auth';

/**
 * Issue 19 end to end: a platform admin upgrades a workspace on its admin page; the MRR
 * API, chart and movements table show the expansion (and the drill-down names the
 * workspace); the workspace's owner sees the new plan and the change in its history.
 */

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const MONTH = new Date().toISOString().slice(0, 7);
const WORKSPACE = 'Chicago Pizza Co';
const OWNER = { email: 'owner.chicago-pizza-co@example.com', password: 'demo-password' };

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
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at 390 px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Micro-dollars of a 6-place decimal string: exact comparisons without floats. */
const micros = (value: string) => BigInt(value.replace('.', ''));

test.describe('subscriptions and MRR', () => {
  test.use({ role: 'admin' });

  test('an admin upgrades a workspace; MRR movements show the expansion; the owner sees the new plan', async ({ page, browser }) => {
    const list = await apiJson<AdminWorkspacesResponse>(page, `/api/admin/workspaces?q=${encodeURIComponent(WORKSPACE)}`);
    const workspace = list.workspaces.find((w) => w.name === WORKSPACE)!;
    expect(workspace).toMatchObject({ tier: 'starter', status: 'active' });
    const before = await apiJson<AdminMrrResponse>(page, `/api/admin/mrr?from=${MONTH}&to=${MONTH}`);

    await page.goto(`/admin/workspaces/${workspace.workspaceId}`);
    await expect(page.getByRole('heading', { level: 1, name: WORKSPACE })).toBeVisible();
    await expect(page.getByTestId('current-tier')).toHaveText('Starter');
    await screenshots(page, 'admin-workspace-plan');
    await page.getByLabel('New tier').selectOption('business');
    await page.getByRole('button', { name: 'Change tier' }).click();
    await expect(page.getByTestId('plan-action-status')).toHaveText('Tier changed to Business.');
    await expect(page.getByTestId('current-tier')).toHaveText('Business');
    await expect(page.getByTestId('plan-history').locator('tbody tr').first()).toContainText('Plan changed');

    // Starter 49 → Business 799: +750 expansion this month, ending up by as much.
    const after = await apiJson<AdminMrrResponse>(page, `/api/admin/mrr?from=${MONTH}&to=${MONTH}`);
    const [b, a] = [before.months[0]!, after.months[0]!];
    expect(micros(a.expansion) - micros(b.expansion)).toBe(750_000_000n);
    expect(micros(a.ending) - micros(b.ending)).toBe(750_000_000n);
    expect(micros(a.starting)).toBe(micros(b.starting));

    await page.goto(`/admin/mrr?from=${MONTH}&to=${MONTH}`);
    await expect(page.getByTestId('mrr-chart')).toBeVisible();
    const row = page.getByTestId('mrr-movements').locator('tbody tr').filter({ has: page.locator(`[data-month="${MONTH}"]`) });
    const expansion = row.locator('[data-movement="expansion"]');
    await expect(expansion).toHaveText(`+${formatMoney(a.expansion)}`);
    await expansion.click();
    await expect(page.getByTestId('drill-down')).toContainText(WORKSPACE);
    await expect(page.locator(`[data-drill-workspace="${workspace.workspaceId}"]`)).toBeVisible();

    await page.goto('/admin/mrr');
    await expect(page.getByTestId('cohort-grid')).toBeVisible();
    await screenshots(page, 'admin-mrr');
    const csv = await page.request.get(`/api/admin/mrr/export?from=${MONTH}&to=${MONTH}&kind=movements`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`${workspace.workspaceId},${WORKSPACE},expansion,750.000000,49.000000,799.000000`);

    // The owner, in a browser of their own.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const owner = await context.newPage();
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.goto(`/workspaces/${workspace.workspaceId}/settings/plan`);
    await expect(owner.getByTestId('current-tier')).toHaveText('Business');
    const latest = owner.getByTestId('plan-history').locator('tbody tr').first();
    await expect(latest).toContainText('Plan changed');
    await expect(latest).toContainText('VoiceDash staff');
    await screenshots(owner, 'owner-plan');
    // Owners cannot change plans.
    const refused = await owner.request.post(`/api/admin/workspaces/${workspace.workspaceId}/subscription`, {
      data: { action: 'change_tier', tier: 'starter' },
      headers: { origin: new URL(owner.url()).origin },
    });
    expect(refused.status()).toBe(403);
    await context.close();
  });
});
