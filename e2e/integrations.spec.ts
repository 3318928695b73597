import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { WorkspaceListResponse } from '@/lib/api/schemas';
import { signRetell } from '@/lib/connectors/verify';
import { expect, test } from './fixtures/auth';

// Settings → Integrations as the demo owner of Acme Dental Group: create a Retell connector,
// post a signed call_analyzed to its URL from the test, see the call on the Calls page and
// the delivery on the Integrations page.

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

async function acmeId(page: Page): Promise<string> {
  const response = await page.request.get('/api/workspaces');
  const { workspaces } = (await response.json()) as WorkspaceListResponse;
  return workspaces.find((w) => w.slug === 'acme-dental-group')!.id;
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a Retell connector created in Settings receives a signed call_analyzed; the call and the delivery show up', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const id = await acmeId(page);
  await page.goto(`/workspaces/${id}/settings/integrations`);
  await expect(page.getByRole('heading', { name: 'Integrations' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');

  // Retell needs its API key: submitting without one shows the error next to the field.
  await page.getByLabel('Platform').selectOption('retell');
  await page.getByLabel('Retell API key').fill('short');
  await page.getByRole('button', { name: 'Add connector' }).click();
  await expect(page.getByText('secret: must be 16 to 512 characters')).toBeVisible();

  const apiKey = `key_e2e_${Date.now()}_abcdefghijkl`;
  await page.getByLabel('Name').fill('E2E Retell');
  await page.getByLabel('Retell API key').fill(apiKey);
  await page.getByRole('button', { name: 'Add connector' }).click();
  const url = await page.getByTestId('connector-url').innerText();
  expect(url).toMatch(/\/api\/v1\/webhooks\/retell\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('connector-secret')).toHaveText(apiKey);
  await screenshot(page, 'integrations-created');

  const callId = `e2e_call_${Date.now()}`;
  const agentName = `E2E Retell agent ${Date.now() % 100000}`;
  const end = Date.now() - 60_000;
  const body = JSON.stringify({
    event: 'call_analyzed',
    call: {
      call_type: 'phone_call',
      call_id: callId,
      agent_id: 'agent_e2e',
      agent_name: agentName,
      call_status: 'ended',
      direction: 'inbound',
      from_number: '+14155550123',
      to_number: '+14155550100',
      start_timestamp: end - 95_000,
      end_timestamp: end,
      duration_ms: 95_000,
      disconnection_reason: 'user_hangup',
      latency: { e2e: { p50: 880 } },
      call_cost: { combined_cost: 12.5, total_duration_seconds: 95, product_costs: [{ product: 'retell_platform', cost: 12.5, unit_price: 0.13 }] },
      call_analysis: { call_summary: 'E2E test call.', user_sentiment: 'Positive', call_successful: true },
    },
  });
  const path_ = new URL(url).pathname;
  // No cookies: the webhook is authenticated by its signature alone.
  const bad = await page.request.post(path_, { data: body, headers: { 'content-type': 'application/json', 'x-retell-signature': `v=${Date.now()},d=${'0'.repeat(64)}` } });
  expect(bad.status()).toBe(401);
  const response = await page.request.post(path_, { data: body, headers: { 'content-type': 'application/json', ...signRetell(body, apiKey) } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'accepted' });

  await page.goto(`/workspaces/${id}/calls`);
  const row = page.getByRole('row').filter({ hasText: agentName });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Completed');

  await page.goto(`/workspaces/${id}/settings/integrations`);
  const card = page.getByRole('region', { name: 'E2E Retell' });
  await expect(card.getByTestId('connector-24h')).toHaveText('1 accepted · 1 rejected · 0 ignored');
  const delivery = card.getByRole('row').filter({ hasText: callId });
  await expect(delivery).toContainText('call_analyzed');
  await expect(delivery).toContainText('accepted');
  await expect(card.getByRole('row').filter({ hasText: 'signature: signature does not match' })).toBeVisible();
  await screenshot(page, 'integrations');
  expect(errors).toEqual([]);
});

test.describe('members', () => {
  test.use({ role: 'member' });
  test('see no Integrations page', async ({ page }) => {
    const id = await acmeId(page);
    const response = await page.goto(`/workspaces/${id}/settings/integrations`);
    expect(response?.status()).toBe(403);
  });
});
