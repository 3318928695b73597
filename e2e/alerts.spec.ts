import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type Page } from '@playwright/test';
import type { WorkspaceListResponse } from '@/lib/api/schemas';
import { DEMO_USERS, expect, signIn, test } from './fixtures/auth';

// Issue 16 in the browser, as the demo owner of Acme Dental Group: create an alert rule in
// Settings → Alerts, ingest calls that make it fire through the events API, run the job
// `alerts` (as the platform admin, /admin/jobs), then see the alert in the history and the
// header badge. A share link to a monthly report opens the PDF signed out; revoked, it is 404.
test.use({ role: 'owner' });

const SHOTS = process.env.SHOTS_DIR ?? path.join(import.meta.dirname, 'screenshots');

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function acme(page: Page): Promise<string> {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as WorkspaceListResponse;
  const id = workspaces.find((w) => w.slug === 'acme-dental-group')!.id;
  await page.goto(`/workspaces/${id}`);
  return id;
}

test('a rule created in Settings fires on ingested calls: history and header badge', async ({ page, browser, baseURL }) => {
  const id = await acme(page);
  const stamp = Date.now();
  const provider = `e2e-alert-${stamp}`;
  const ruleName = `E2E failures ${stamp % 100000}`;

  await page.goto(`/workspaces/${id}/settings/alerts`);
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Alerts' })).toHaveAttribute('aria-current', 'page');
  const form = page.getByRole('form', { name: 'Add an alert rule' });
  await form.getByLabel('Name').fill(ruleName);
  await form.getByLabel('Metric').selectOption('failure_rate');
  await form.getByLabel('Window (minutes, 15–1440)').fill('5');
  await form.getByLabel('Threshold').fill('50');
  await form.getByLabel('Minimum calls').fill('3');
  await form.getByLabel('Provider (optional)').fill(provider);
  await form.getByRole('button', { name: 'Add rule' }).click();
  // Out of bounds: the API's message next to the field.
  await expect(form.getByRole('alert')).toContainText('window_minutes: must be between 15 and 1440 minutes');
  await form.getByLabel('Window (minutes, 15–1440)').fill('15');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('status')).toContainText(`Rule “${ruleName}” created`);
  const rules = page.getByRole('table', { name: 'Alert rules' });
  await expect(rules.getByRole('row', { name: new RegExp(ruleName) })).toContainText('Not evaluated yet');
  await shoot(page, 'settings-alerts');

  // An API key, then four calls of that provider through the events API (no cookies): 3 failed of 4.
  const created = await page.request.post(`/api/workspaces/${id}/api-keys`, { data: { name: `alerts e2e ${stamp}` }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: string };
  const outside = await playwrightRequest.newContext({ baseURL });
  const events = [0, 1, 2, 3].map((i) => ({
    id: `alerts-e2e-${stamp}-${i}`,
    type: 'call.ended',
    occurred_at: new Date(stamp - 60_000).toISOString(),
    data: {
      call_id: `alerts-e2e-${stamp}-${i}`,
      agent: { id: `alerts-e2e-agent`, name: 'Alert Test Agent' },
      direction: 'inbound',
      status: i === 0 ? 'completed' : 'failed',
      started_at: new Date(stamp - 4 * 60_000).toISOString(),
      ended_at: new Date(stamp - 60_000).toISOString(),
      voice_provider: provider,
    },
  }));
  const sent = await outside.post('/api/v1/events', { data: { events }, headers: { authorization: `Bearer ${key}` } });
  expect(sent.status()).toBe(200);
  await outside.dispose();

  // The job `alerts`, run once by the platform admin (the e2e server runs no jobs itself).
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
  await admin.goto('/admin/jobs');
  const job = admin.getByRole('region', { name: 'alerts', exact: true });
  await job.getByRole('button', { name: 'Run now' }).click();
  await expect(job.getByRole('status')).toContainText('"fired":');
  // The platform's own rules: provider margin and p95 latency.
  await admin.goto('/admin/alerts');
  await expect(admin.getByRole('heading', { name: 'Platform alerts' })).toBeVisible();
  const platformForm = admin.getByRole('form', { name: 'Add an alert rule' });
  await platformForm.getByLabel('Name').fill('Thin margin');
  await platformForm.getByLabel('Metric').selectOption('provider_margin');
  await platformForm.getByLabel('When').selectOption('lt');
  await platformForm.getByLabel('Threshold').fill('5');
  await platformForm.getByRole('button', { name: 'Add rule' }).click();
  await expect(platformForm.getByRole('status')).toContainText('Rule “Thin margin” created');
  await expect(admin.getByRole('table', { name: 'Alert rules' })).toContainText('Provider margin (%) < 5');
  await shoot(admin, 'admin-alerts');
  await adminContext.close();

  await page.goto(`/workspaces/${id}`);
  const badge = page.getByTestId('alerts-badge');
  await expect(badge).toHaveAccessibleName(/^Alerts\s*:\s*[1-9]\d*\s+firing$/);
  await badge.click();
  await expect(page.getByRole('heading', { name: 'Alert history' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Alert history' }).getByRole('row', { name: new RegExp(ruleName) });
  await expect(row).toContainText('Firing');
  await expect(row).toContainText('75');
  await shoot(page, 'alert-history');

  await page.goto(`/workspaces/${id}/settings/alerts`);
  await expect(rules.getByRole('row', { name: new RegExp(ruleName) })).toContainText('Firing');
});

test('a share link opens the monthly report PDF signed out; revoked, it is 404', async ({ page, baseURL }) => {
  const id = await acme(page);
  await page.goto(`/workspaces/${id}/settings/reports-delivery`);
  await expect(page.getByRole('heading', { name: 'Reports delivery' })).toBeVisible();
  const delivery = page.getByRole('form', { name: 'Reports delivery' });
  await delivery.getByLabel('Email the reports automatically').check();
  await delivery.getByLabel('Other addresses').fill('cfo@example.com');
  await delivery.getByRole('button', { name: 'Save' }).click();
  await expect(delivery.getByRole('status')).toHaveText('Saved.');

  await page.getByRole('form', { name: 'Create a share link' }).getByRole('button', { name: 'Create link' }).click();
  const link = page.getByTestId('share-link');
  await expect(link).toBeVisible();
  const url = await link.innerText();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  expect(url).not.toContain(id);
  await shoot(page, 'reports-delivery');

  const stranger = await playwrightRequest.newContext({ baseURL });
  const pdf = await stranger.get(new URL(url).pathname);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  const month = /Report (\d{4}-\d{2})/.exec(await page.getByRole('list', { name: 'Share links' }).innerText())![1]!;
  await page.getByRole('button', { name: `Revoke the link to ${month}` }).first().click();
  await expect(page.getByRole('list', { name: 'Share links' })).toContainText('revoked');
  expect((await stranger.get(new URL(url).pathname)).status()).toBe(404);
  await stranger.dispose();
});

test.describe('as a member', () => {
  test.use({ role: 'member' });

  test('sees the alert history and the badge; Settings → Alerts and Reports delivery are 403; another workspace is 404', async ({ page }) => {
    const id = await acme(page);
    await expect(page.getByTestId('alerts-badge')).toBeVisible();
    const history = await page.goto(`/workspaces/${id}/alerts`);
    expect(history?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Alert history' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Manage alert rules' })).toHaveCount(0);
    for (const url of [`/workspaces/${id}/settings/alerts`, `/workspaces/${id}/settings/reports-delivery`]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    expect((await page.goto('/workspaces/00000000-0000-4000-8000-000000000000/alerts'))?.status()).toBe(404);
    expect((await page.goto('/admin/alerts'))?.status()).toBe(403);
  });
});
