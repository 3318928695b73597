import path from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './fixtures/auth';

// Settings → API keys in the browser, as the demo owner of Acme Dental Group: create a key,
// send an event with it from outside the browser (no cookies), see the call on the Calls
// page; revoke the key, and the next send is refused. (Members and viewers: tests/ingest/api-keys.test.ts.)
test.use({ role: 'owner' });

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

test('a key created in Settings sends a call that appears on the Calls page; revoked, it gets 401', async ({ page, baseURL }) => {
  await page.goto('/workspaces');
  await page.getByRole('link', { name: /Acme Dental Group/ }).click();
  await expect(page).toHaveURL(/\/workspaces\/[0-9a-f-]+/);
  const id = /\/workspaces\/([0-9a-f-]+)/.exec(page.url())![1]!;

  await page.goto(`/workspaces/${id}/settings/api-keys`);
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  const name = `e2e ${Date.now()}`;
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const keyField = page.getByTestId('new-api-key');
  await expect(keyField).toHaveValue(/^vd_live_[0-9A-Za-z]{43}$/);
  const key = await keyField.inputValue();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: new RegExp(name) })).toContainText(key.slice(0, 12));
  await expect(page.getByRole('table', { name: 'API key audit entries' })).toContainText('api_key.created');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `api-keys-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const outside = await playwrightRequest.newContext({ baseURL });
  const agentName = `Ingested Agent ${Date.now()}`;
  const now = Date.now();
  const event = (eventId: string) => ({
    id: eventId,
    type: 'call.ended',
    occurred_at: new Date(now - 60_000).toISOString(),
    data: {
      call_id: `e2e-${now}`,
      agent: { id: `e2e-agent-${now}`, name: agentName },
      direction: 'inbound',
      status: 'completed',
      started_at: new Date(now - 5 * 60_000).toISOString(),
      ended_at: new Date(now - 60_000).toISOString(),
      voice_provider: 'e2e-provider',
    },
  });
  const sent = await outside.post('/api/v1/events', { data: event(`e2e-${now}-1`), headers: { authorization: `Bearer ${key}` } });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toEqual({ results: [{ id: `e2e-${now}-1`, status: 'accepted' }] });

  await page.goto(`/workspaces/${id}/calls?period=week`);
  await expect(page.getByRole('table', { name: 'Calls', exact: true })).toContainText(agentName);

  await page.goto(`/workspaces/${id}/settings/api-keys`);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: `Revoke key ${name}` }).click();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  await expect(page.getByRole('table', { name: 'API key audit entries' })).toContainText('api_key.revoked');

  const refused = await outside.post('/api/v1/events', { data: event(`e2e-${now}-2`), headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  await outside.dispose();
});
