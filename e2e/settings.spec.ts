import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { WorkspaceListResponse } from '@/lib/api/schemas';
import { expect, test } from './fixtures/auth';

// Workspace Settings: owners and workspace admins only; the audit log is the owner's.
const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

async function acmeId(page: Page): Promise<string> {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as WorkspaceListResponse;
  return workspaces.find((w) => w.slug === 'acme-dental-group')!.id;
}

test.describe('as the owner', () => {
  test.use({ role: 'owner' });

  test('Settings is reachable from the workspace nav and lists the audit log, at 1280 and 390 px', async ({ page }) => {
    const id = await acmeId(page);
    await page.goto(`/workspaces/${id}`);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    // Settings opens on its first section.
    await expect(page).toHaveURL(new RegExp(`/workspaces/${id}/settings/[a-z-]+$`));
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page).toHaveURL(new RegExp(`/workspaces/${id}/settings/audit-log$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Audit log', exact: true })).toBeVisible();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `settings-audit-log-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('as a member', () => {
  test.use({ role: 'member' });

  test('no Settings link, and the pages answer 403', async ({ page }) => {
    const id = await acmeId(page);
    await page.goto(`/workspaces/${id}`);
    await expect(page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    for (const url of [`/workspaces/${id}/settings`, `/workspaces/${id}/settings/audit-log`]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
  });
});
