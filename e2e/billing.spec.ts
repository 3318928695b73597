import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures/auth';

// The seed's billing periods are the real close's: the previous month of Acme Dental Group
// is finalized, with an invoice number. Owner downloads it, admin marks it paid, a member cannot.

async function acmeId(page: Page): Promise<string> {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: { id: string; slug: string }[] };
  return workspaces.find((w) => w.slug === 'acme-dental-group')!.id;
}

let invoicePath = '';

test.describe.serial('billing', () => {
  test.describe('owner', () => {
    test.use({ role: 'owner' });
    test('opens Billing, an invoice, and downloads its PDF', async ({ page }) => {
      const id = await acmeId(page);
      await page.goto(`/workspaces/${id}`);
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Billing' }).click();
      await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
      const row = page.getByRole('row').filter({ hasText: 'Finalized' }).first();
      await row.getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice INV-\d{4}-\d{6}$/);
      invoicePath = new URL(page.url()).pathname;
      const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
      const number = title.replace('Invoice ', '');
      const total = (await page.getByTestId('invoice-total').textContent())!;
      await expect(page.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
      const bytes = fs.readFileSync((await file.path())!);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
      expect(text).toContain(number);
      expect(text).toContain(total);
      expect(text).toContain('Acme Dental Group');
    });
  });

  test.describe('member', () => {
    test.use({ role: 'member' });
    test('Billing and the invoice fit a 390 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of [invoicePath.replace(/\/[^/]+$/, ''), invoicePath]) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
      }
      // The invoice's line items wrap their descriptions, so every amount is in view without scrolling the table.
      const table = page.getByRole('table', { name: 'Line items' });
      const hidden = await table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth);
      expect(hidden, 'line items scroll sideways at 390 px').toBeLessThanOrEqual(0);
    });

    test('reads the invoice but cannot mark it paid', async ({ page, baseURL }) => {
      await page.goto(invoicePath);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice INV-/);
      await expect(page.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveCount(0);
      const [, , ws, , periodId] = invoicePath.split('/');
      const response = await page.request.post(`/api/workspaces/${ws}/billing-periods/${periodId}/paid`, { headers: { origin: baseURL! } });
      expect(response.status()).toBe(403);
    });
  });

  test.describe('admin', () => {
    test.use({ role: 'admin' });
    test('marks it paid; the history shows who did', async ({ page }) => {
      await page.goto(invoicePath);
      await page.getByRole('button', { name: 'Mark paid' }).click();
      // The page re-renders with the new status: the controls go (a paid period has none),
      // the confirmation stays.
      await expect(page.getByRole('status').filter({ hasText: 'Marked paid.' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
      await page.reload();
      await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();
      await expect(page.getByText(/paid by admin@example\.com/)).toBeVisible();
      await page.goto('/admin/billing?status=paid');
      await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
      await page.goto('/admin/jobs');
      await expect(page.getByRole('heading', { name: 'billing-close' })).toBeVisible();
    });
  });
});
