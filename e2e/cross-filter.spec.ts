import type { Locator, Page } from '@playwright/test';
import type { CallAnalyticsResponse, WorkspaceListResponse } from '@/lib/api/schemas';
import { formatCount } from '@/lib/charts/format';
import { expect, test } from './fixtures/auth';
import { checkWidths } from './fixtures/widths';

/**
 * Issue 15 #4 and #7: a bar filters the page through the URL, the chart it came from keeps
 * every bar (the choice marked, aria-pressed), a "clear" chip removes it; keyboard too.
 * Screenshots of overview, calls and agents at 1280 and 390 px for review.
 */

const SHOTS = process.env.UX_A_SHOTS ?? '/tmp/ux-a-shots';

async function api<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.ok(), `${url} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

async function acme(page: Page) {
  const { workspaces } = await api<WorkspaceListResponse>(page, '/api/workspaces');
  return workspaces.find((w) => w.slug === 'acme-dental-group')!;
}

const chart = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
/** The bar toggles of a chart: buttons in its table fallback, one per choosable bar. */
const toggles = (region: Locator) => region.getByRole('table').getByRole('button');

async function widths(page: Page, name: string) {
  await checkWidths(page, name, SHOTS);
  // The top of the 390 px page as well, readable at a glance (the full page is very tall).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390-top.png`, clip: { x: 0, y: 0, width: 390, height: 2000 }, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('as the owner', () => {
  test.use({ role: 'owner' });

  test('a status bar filters the page; its chart keeps every bar with the choice marked; the chip clears it', async ({ page }) => {
    test.setTimeout(180_000); // two axe scans on a shared machine
    const { id } = await acme(page);
    const all = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=year`);
    const failed = await api<CallAnalyticsResponse>(page, `/api/workspaces/${id}/calls/analytics?period=year&status=failed`);
    expect(all.callsByStatus.failed).toBeGreaterThan(0);
    await page.goto(`/workspaces/${id}/calls?period=year`);
    const status = chart(page, 'Calls by status');
    const bars = toggles(status);
    const statusesWithCalls = Object.values(all.callsByStatus).filter((count) => count > 0).length;
    await expect(bars).toHaveCount(statusesWithCalls);
    await expect(status.getByRole('button', { name: /Show calls with status Failed/ })).toHaveAttribute('aria-pressed', 'false');

    // Click the bar itself (the chart), as a mouse user does.
    const failedRow = status.getByRole('row').filter({ hasText: 'Failed' });
    await expect(failedRow).toContainText(formatCount(all.callsByStatus.failed));
    const surface = status.locator('.recharts-bar-rectangle').nth(orderIndex(all, 'failed'));
    await surface.click();
    await expect(page).toHaveURL(/[?&]status=failed(&|$)/);

    // Other cards narrow to the failed calls…
    const kpi = page.getByRole('group', { name: 'Calls', exact: true }).locator('[data-kpi-value]');
    await expect(kpi).toHaveText(formatCount(failed.totalCalls));
    await expect(chart(page, 'Calls by direction').getByRole('row').filter({ hasText: 'Inbound' })).toContainText(formatCount(failed.callsByDirection.inbound));
    // …while the status chart still shows every status, with its full count, Failed pressed.
    await expect(bars).toHaveCount(statusesWithCalls);
    await expect(status.getByRole('button', { name: /Show calls with status Failed/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(status.getByRole('button', { name: /Show calls with status Completed/ })).toHaveAttribute('aria-pressed', 'false');
    await expect(status.getByRole('row').filter({ hasText: 'Completed' })).toContainText(formatCount(all.callsByStatus.completed));
    await widths(page, 'calls-filtered');

    // The chip names the filter and clears it.
    const chip = status.getByRole('button', { name: /Status: Failed/ });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(page).not.toHaveURL(/status=/);
    await expect(kpi).toHaveText(formatCount(all.totalCalls));
    await expect(status.getByRole('button', { name: /Status: / })).toHaveCount(0);
  });

  test('keyboard: a bar toggle is reachable, shows itself on focus, and Enter chooses and un-chooses it', async ({ page }) => {
    const { id } = await acme(page);
    await page.goto(`/workspaces/${id}/calls?period=year`);
    const direction = chart(page, 'Calls by direction');
    const outbound = direction.getByRole('button', { name: /Show calls of direction Outbound/ });
    await outbound.focus();
    await expect(outbound).toBeFocused();
    await expect(outbound).toBeInViewport(); // the hidden table shows while focus is in it
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]direction=outbound(&|$)/);
    const pressed = direction.getByRole('button', { name: /Show calls of direction Outbound/ });
    await expect(pressed).toHaveAttribute('aria-pressed', 'true');
    await expect(direction.getByRole('button', { name: /Show calls of direction Inbound/ })).toHaveAttribute('aria-pressed', 'false');
    await pressed.focus();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/direction=/);
  });

  test('sentiment, provider and hour charts filter too, and keep their bars', async ({ page }) => {
    const { id } = await acme(page);
    await page.goto(`/workspaces/${id}/calls?period=year&sentiment=negative&hour=10`);
    const sentiment = chart(page, 'Calls by sentiment');
    await expect(sentiment.getByRole('button', { name: /sentiment Negative/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(sentiment.getByRole('button', { name: /sentiment Positive/ })).toHaveAttribute('aria-pressed', 'false');
    const hour = chart(page, 'Calls by hour');
    await expect(toggles(hour)).toHaveCount(24);
    await expect(hour.getByRole('button', { name: /started at 10:00/ })).toHaveAttribute('aria-pressed', 'true');
    const provider = chart(page, 'Calls by voice provider');
    await expect(provider.getByRole('row').filter({ hasText: 'ElevenLabs' })).toBeVisible();
    await provider.getByRole('button', { name: /voice provider ElevenLabs/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]provider=elevenlabs(&|$)/);
    await expect(page).toHaveURL(/[?&]sentiment=negative(&|$)/);
  });

  test('screenshots of overview, calls and agents at 1280 and 390 px, axe clean', async ({ page }) => {
    test.setTimeout(240_000); // six axe scans of chart-heavy pages on a shared machine
    const { id } = await acme(page);
    await page.goto(`/workspaces/${id}?period=month`);
    await expect(page.getByRole('region', { name: 'Sentiment', exact: true })).toBeVisible();
    await widths(page, 'overview');
    await page.goto(`/workspaces/${id}/calls?period=month`);
    await expect(chart(page, 'Calls by sentiment')).toBeVisible();
    await widths(page, 'calls');
    await page.goto(`/workspaces/${id}/agents?period=month`);
    await expect(page.getByRole('table', { name: 'Agents' })).toBeVisible();
    await widths(page, 'agents');
  });
});

/** Where a status's bar is among the drawn bars (statuses with calls, fixed order of lib/charts statusPoints). */
function orderIndex(all: CallAnalyticsResponse, status: string): number {
  const order = ['completed', 'failed', 'no_answer', 'busy', 'canceled', 'in_progress', 'ringing', 'queued'];
  return order.filter((s) => (all.callsByStatus as Record<string, number>)[s]! > 0).indexOf(status);
}
