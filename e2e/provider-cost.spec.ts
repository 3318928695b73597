import type { WorkspaceListResponse } from '@/lib/api/schemas';
import { expect, test } from './fixtures/auth';

// Provider cost and margin are the platform's (METRICS.md): a workspace member's pages carry
// neither, in what they show nor in the data they ship to the browser (the RSC payload).
test.use({ role: 'member' });

// Names the admin console uses for the platform's figures (lib/api/schemas/admin.ts), and their labels.
const LEAK = /providerCost|provider_cost|total_cost|totalRevenue|profitMargin|provider cost|profit margin/i;

test('a member sees what the workspace is billed, never the provider cost or margin', async ({ page }) => {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as WorkspaceListResponse;
  const acme = workspaces.find((w) => w.slug === 'acme-dental-group')!;
  const agents = (await (await page.request.get(`/api/workspaces/${acme.id}/agents?period=year`)).json()) as { agents: { id: string }[] };
  const base = `/workspaces/${acme.id}`;
  const pages = [base, `${base}?period=year`, `${base}/calls?period=year`, `${base}/agents?period=year`, `${base}/agents/${agents.agents[0]!.id}?period=year`, `${base}/reports`];
  for (const url of pages) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    expect(await page.locator('body').innerText(), url).not.toMatch(LEAK);
    expect(await page.content(), url).not.toMatch(LEAK);
  }
  // The settings of the workspace are not a member's.
  expect((await page.goto(`${base}/settings`))?.status()).toBe(403);
});
