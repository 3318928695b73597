import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Download, Locator, Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { MonthlyReport } from '@/lib/reports';
import { expect, test } from './fixtures/auth';

// Downloads in the browser, signed in as the demo owner of Acme Dental Group: every report
// link on the Reports page and the Calls page's exports, each file parsed and checked.

test.use({ role: 'owner' });

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('response', (response) => response.status() >= 400 && consoleErrors.push(`${response.status()} ${response.url()}`));
});
test.afterEach(() => expect(consoleErrors, 'the browser console shows no errors').toEqual([]));

async function acmeId(page: Page): Promise<string> {
  const response = await page.request.get('/api/workspaces');
  expect(response.ok()).toBeTruthy();
  const { workspaces } = (await response.json()) as { workspaces: { id: string; slug: string }[] };
  const acme = workspaces.find((w) => w.slug === 'acme-dental-group');
  expect(acme).toBeDefined();
  return acme!.id;
}

async function download(page: Page, link: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { file, bytes: fs.readFileSync(path) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

test('the Reports page downloads the monthly report (JSON, PDF) and the executive summary (Markdown, PDF)', async ({ page }) => {
  const id = await acmeId(page);
  await page.goto(`/workspaces/${id}/reports`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  const monthly = page.getByRole('region', { name: 'Monthly report' });
  const monthSelect = monthly.getByLabel('Month');
  // The second option is the last complete month, preselected.
  const month = await monthSelect.inputValue();
  expect(month).toMatch(/^\d{4}-\d{2}$/);

  const json = await download(page, monthly.getByRole('link', { name: 'Download JSON' }));
  expect(json.file.suggestedFilename()).toBe(`monthly-report-acme-dental-group-${month}.json`);
  const report = JSON.parse(json.bytes.toString('utf8')) as MonthlyReport;
  expect(report.period.month).toBe(month);
  expect(report.workspace.name).toBe('Acme Dental Group');
  expect(report.summary.totalCalls).toBeGreaterThan(0);
  expect(report.charts.callsByHour).toHaveLength(24);

  const pdf = await download(page, monthly.getByRole('link', { name: 'Download PDF' }));
  expect(pdf.file.suggestedFilename()).toBe(`monthly-report-acme-dental-group-${month}.pdf`);
  const text = await pdfText(pdf.bytes);
  expect(text).toContain('Monthly report');
  expect(text).toContain(report.summary.totalCalls.toLocaleString('en-US'));
  expect(text).toContain(`${report.summary.successRate.toFixed(1)}%`);

  // The month's calls: as many CSV rows as the report counts calls.
  const calls = await download(page, monthly.getByRole('link', { name: 'Calls CSV' }));
  const rows = parse(calls.bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(report.summary.totalCalls);

  // Choosing another month changes the links and the URL.
  const options = await monthSelect.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  const earlier = options[2]!;
  await monthSelect.selectOption(earlier);
  await expect(page).toHaveURL(new RegExp(`month=${earlier}`));
  await expect(monthly.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', new RegExp(`month=${earlier}&format=pdf`));

  const executive = page.getByRole('region', { name: 'Executive summary' });
  const quarter = await executive.getByLabel('Quarter').inputValue();
  const md = await download(page, executive.getByRole('link', { name: 'Download Markdown' }));
  expect(md.file.suggestedFilename()).toBe(`executive-summary-acme-dental-group-${quarter}.md`);
  const markdown = md.bytes.toString('utf8');
  for (const section of ['## Key Metrics', '## Call Performance', '## Agent Performance', '## Sentiment Analysis', '## Cost Breakdown by Provider', '## Peak Call Hours']) {
    expect(markdown).toContain(section);
  }
  const totalCalls = /\*\*Total Calls\*\*: ([\d,]+)/.exec(markdown)?.[1];
  expect(totalCalls).toBeDefined();

  const execPdf = await download(page, executive.getByRole('link', { name: 'Download PDF' }));
  expect(execPdf.file.suggestedFilename()).toBe(`executive-summary-acme-dental-group-${quarter}.pdf`);
  const execText = await pdfText(execPdf.bytes);
  expect(execText).toContain('Executive summary');
  expect(execText).toContain(totalCalls!);
});

test('the Calls page downloads exactly the current view as CSV and JSON', async ({ page }) => {
  const id = await acmeId(page);
  const view = 'period=month&status=completed&direction=inbound';
  await page.goto(`/workspaces/${id}/calls?${view}`);
  const csvLink = page.getByRole('link', { name: 'Download CSV' });
  test.skip((await csvLink.count()) === 0, 'the Calls page shows no export links yet');
  await expect(csvLink).toHaveAttribute('href', `/api/workspaces/${id}/export?period=month&status=completed&direction=inbound&format=csv`);

  const analytics = await page.request.get(`/api/workspaces/${id}/calls/analytics?${view}`);
  expect(analytics.ok()).toBeTruthy();
  const { totalCalls } = (await analytics.json()) as { totalCalls: number };
  expect(totalCalls).toBeGreaterThan(0);

  const csv = await download(page, csvLink);
  expect(csv.file.suggestedFilename()).toMatch(/^calls-acme-dental-group-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(csv.bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(totalCalls);
  expect(rows.every((r) => r.status === 'completed' && r.direction === 'inbound')).toBe(true);
  expect(rows[0]!.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?-0[45]:00$/);

  const json = await download(page, page.getByRole('link', { name: 'Download JSON' }));
  // One object: what the file covers, then the calls (NDJSON stays available as format=ndjson).
  const file = JSON.parse(json.bytes.toString('utf8')) as { timeZone: string; currency: string; calls: { call_id: string }[] };
  expect(file).toMatchObject({ timeZone: 'America/New_York', currency: 'USD' });
  expect(file.calls.map((r) => r.call_id)).toEqual(rows.map((r) => r.call_id));
  expect(rows.every((r) => r.currency === 'USD')).toBe(true);
  // An E.164 caller is a plain number, not a formula: it stays as it is.
  expect(rows.filter((r) => r.caller).every((r) => !r.caller!.startsWith("'"))).toBe(true);
});
