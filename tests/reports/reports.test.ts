import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallAnalytics, getUsageSummary, getWorkspaceOverview, resolveRange } from '@/lib/analytics';
import { installConnection } from '@/lib/db';
import { currentMonth, escapeMarkdown, formatMoney, monthTitle, quarterOf, type MonthlyReport } from '@/lib/reports';
import { currentDate } from '@/lib/reports/period';
import { GET as executiveRoute } from '@/app/api/workspaces/[id]/reports/executive/route';
import { GET as monthlyRoute } from '@/app/api/workspaces/[id]/reports/monthly/route';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { apiRequest, call, type TestUser } from '../api/session';
import { MD_NAME, seedReportsWorld, type ReportsWorld } from './fixtures';

const ZONE = 'America/New_York';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

describe('monthly report and executive summary', () => {
  let t: TestDatabase;
  let w: ReportsWorld;

  beforeAll(async () => {
    t = await createTestDatabase();
    installConnection(t.connection, t.db);
    w = await seedReportsWorld(t.db);
  });
  afterAll(() => t?.dispose());

  const monthly = (query: string, user: TestUser | null = w.ownerA, id = w.a) => call(monthlyRoute, `/api/workspaces/${id}/reports/monthly?${query}`, { id }, user);
  const executive = (query: string, user: TestUser | null = w.ownerA, id = w.a) => call(executiveRoute, `/api/workspaces/${id}/reports/executive?${query}`, { id }, user);
  const bytes = async (handler: typeof monthlyRoute, path: string) => {
    const response = await handler(await apiRequest(path, w.ownerA), { params: Promise.resolve({ id: w.a }) });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  it('covers exactly the calendar month in the workspace zone, with the analytics’ figures', async () => {
    const response = await monthly('month=2026-03&format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="monthly-report-acme-reports-2026-03.json"');
    const report = response.body as MonthlyReport;
    expect(Object.keys(report)).toEqual(['workspace', 'period', 'summary', 'details', 'charts']);
    // Local midnight of 1 March (EST) to local midnight of 1 April (EDT).
    expect(report.period).toEqual({ month: '2026-03', start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z', timeZone: ZONE, toDate: false });

    const range = resolveRange({ month: '2026-03' }, ZONE, new Date());
    const scope = { workspaceId: w.a };
    const [overview, calls, usage] = await Promise.all([
      getWorkspaceOverview(t.db, scope, range),
      getCallAnalytics(t.db, scope, range),
      getUsageSummary(t.db, scope, { billingPeriodId: w.periodA }),
    ]);
    expect(report.summary.totalCalls).toBe(w.marchCallsA);
    expect(report.summary).toMatchObject({
      totalCalls: overview.calls.total,
      completed: overview.calls.completed,
      failed: overview.calls.failed,
      successRate: overview.performance.successRate,
      totalMinutes: overview.calls.totalMinutes,
      avgDuration: overview.calls.avgDuration,
      totalCost: overview.cost.total,
      costByProvider: overview.cost.byProvider,
      sentiment: overview.performance.sentiment,
    });
    expect(report.charts.callsByHour).toEqual(calls.callsByHour);
    expect(report.charts.callsByAgent).toEqual(calls.callsByAgent);
    expect(report.charts.costTrend).toEqual(overview.cost.trend);
    expect(report.charts.costTrend).toHaveLength(31);
    expect(report.charts.costTrend[0]!.date).toBe('2026-03-01');
    expect(report.details.calls.callsByStatus).toEqual(calls.callsByStatus);
    // The billing period of March (not February's, which only touches the boundary).
    expect(report.details.costs.billingPeriod?.id).toBe(w.periodA);
    expect(report.details.costs.usage.totals).toEqual(usage.totals);
    expect(report.details.costs.usage.lines).toEqual(usage.lines);
    // Deleted agents keep their calls.
    expect(report.charts.callsByAgent.some((a) => a.agentId === w.deletedAgent && a.count > 0)).toBe(true);
    // 3 usage records a local day, 31 days: the boundary records of 28 Feb / 1 Apr are out.
    expect(usage.lines.reduce((n, l) => n + Number(l.quantity > '0'), 0)).toBe(3);
  });

  it('differs from the neighbouring months and from “the last 30 days”', async () => {
    const feb = (await monthly('month=2026-02')).body as MonthlyReport;
    const mar = (await monthly('month=2026-03')).body as MonthlyReport;
    expect(feb.summary.totalCalls).toBe(2 * 5); // 27 and 28 February
    expect(mar.summary.totalCalls).not.toBe(feb.summary.totalCalls);
    expect(feb.details.costs.billingPeriod?.status).toBe('paid');
  });

  it('renders a PDF whose text carries the KPI figures, billing period and amounts', async () => {
    const { response, bytes: pdf } = await bytes(monthlyRoute, `/api/workspaces/${w.a}/reports/monthly?month=2026-03&format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="monthly-report-acme-reports-2026-03.pdf"');
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = await pdfText(pdf);
    const report = (await monthly('month=2026-03')).body as MonthlyReport;
    expect(text).toContain('Monthly report – March 2026');
    expect(text).toContain('Acme "Reports" & Co');
    expect(text).toContain('Mar 1, 2026 – Mar 31, 2026'); // the pages' date format
    expect(text).toContain(report.summary.totalCalls.toLocaleString('en-US'));
    expect(text).toContain(`${report.summary.successRate.toFixed(1)}%`);
    expect(text).toContain(Math.round(report.summary.totalMinutes).toLocaleString('en-US'));
    expect(text).toContain(formatMoney(report.summary.totalCost));
    expect(text).toContain(formatMoney('349.500000'));
    expect(text).toContain(formatMoney(report.details.costs.usage.totals.billedAmount));
    expect(text).toContain('Agent leaderboard');
    expect(text).toContain('Calls by hour of day');
    expect(text).toContain('Usage by provider and type');
  });

  it('writes the executive summary in markdown for exactly the quarter, names escaped', async () => {
    const response = await executive('quarter=2026-Q1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="executive-summary-acme-reports-2026-Q1.md"');
    const md = response.body as string;
    const range = resolveRange({ quarter: '2026-Q1' }, ZONE, new Date());
    const calls = await getCallAnalytics(t.db, { workspaceId: w.a }, range);
    for (const section of ['## Key Metrics', '## Call Performance', '## Agent Performance', '## Sentiment Analysis', '## Cost Breakdown by Provider', '## Peak Call Hours']) {
      expect(md).toContain(section);
    }
    expect(md).toContain(`- **Total Calls**: ${calls.totalCalls.toLocaleString('en-US')}`);
    expect(md).toContain(`- **Success Rate**: ${calls.successRate.toFixed(1)}%`);
    // The agent named `*Bob* | [x](y)` renders literally: every metacharacter escaped.
    expect(md).toContain(`**${escapeMarkdown(MD_NAME)}**`);
    expect(escapeMarkdown(MD_NAME)).toBe('\\*Bob\\* \\| \\[x\\]\\(y\\)');
    expect(md).not.toContain(MD_NAME);
    expect(md).not.toContain('=HYPERLINK("x")'); // the CSV agent's name is escaped too, on one line
    // Only what markdown would act on is escaped: quotes and = are plain text there.
    expect(md).toContain('Smith, "Jr" =HYPERLINK\\("x"\\)');
    expect(escapeMarkdown('America/New_York · Smith-Jones')).toBe('America/New_York · Smith-Jones');
    expect(escapeMarkdown('_x_ see http://evil www.evil.com a@b.c')).toBe('\\_x\\_ see http\\://evil www\\.evil.com a\\@b.c');
    // The (at most 5) busiest local hours with calls, busiest first: this fixture has 4.
    const peaks = md.split('## Peak Call Hours')[1]!.split('---')[0]!.trim().split('\n');
    const hh = (h: number) => String(h % 24).padStart(2, '0');
    const expected = [...calls.callsByHour]
      .filter((h) => h.count > 0)
      .sort((a, b) => b.count - a.count || a.hour - b.hour)
      .slice(0, 5)
      .map((h, i) => `${i + 1}. ${hh(h.hour)}:00–${hh(h.hour + 1)}:00 – ${h.count.toLocaleString('en-US')} calls`);
    expect(expected).toHaveLength(4);
    expect(peaks).toEqual(expected);
  });

  it('renders the executive summary as a PDF with its figures', async () => {
    const { response, bytes: pdf } = await bytes(executiveRoute, `/api/workspaces/${w.a}/reports/executive?quarter=2026-Q1&format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="executive-summary-acme-reports-2026-Q1.pdf"');
    const text = await pdfText(pdf);
    const range = resolveRange({ quarter: '2026-Q1' }, ZONE, new Date());
    const calls = await getCallAnalytics(t.db, { workspaceId: w.a }, range);
    expect(text).toContain('Executive summary – Q1 2026');
    expect(text).toContain(calls.totalCalls.toLocaleString('en-US'));
    expect(text).toContain(`${calls.successRate.toFixed(1)}%`);
    expect(text).toContain(MD_NAME); // a PDF shows names literally
  });

  it('reports the current month and quarter to date: they end now, the series stop at today, titles and files say so', async () => {
    const before = Date.now();
    const month = currentMonth(ZONE, new Date());
    const response = await monthly(`month=${month}&format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="monthly-report-acme-reports-${month}-to-date.json"`);
    const report = response.body as MonthlyReport;
    expect(report.period.toDate).toBe(true);
    expect(new Date(report.period.end).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(report.period.end).getTime()).toBeLessThanOrEqual(Date.now());
    // One point per local day from the 1st up to today, none for the days still to come.
    const today = currentDate(ZONE, new Date());
    expect(report.charts.costTrend.at(-1)!.date).toBe(today);
    expect(report.charts.costTrend).toHaveLength(Number(today.slice(8, 10)));

    const { response: pdfResponse, bytes: pdf } = await bytes(monthlyRoute, `/api/workspaces/${w.a}/reports/monthly?month=${month}&format=pdf`);
    expect(pdfResponse.status).toBe(200);
    expect(await pdfText(pdf)).toContain(`Monthly report – ${monthTitle(month)} (to date)`);

    const quarter = quarterOf(month);
    const md = await executive(`quarter=${quarter}`);
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="executive-summary-acme-reports-${quarter}-to-date.md"`);
    expect(md.body as string).toMatch(new RegExp(`^# Executive Summary – Q${quarter.slice(6)} ${quarter.slice(0, 4)} \\(.*\\) \\(to date\\)$`, 'm'));
    expect(md.body as string).toContain('(to date)');
    // A period that has ended is not "to date".
    expect(((await monthly('month=2026-03')).body as MonthlyReport).period.toDate).toBe(false);
    expect((await executive('quarter=2026-Q1')).body as string).not.toContain('to date');
  });

  it('answers 400 naming the parameter for bad or future periods and formats', async () => {
    const future = new Date();
    future.setUTCMonth(future.getUTCMonth() + 2);
    const futureMonth = future.toISOString().slice(0, 7);
    const futureQuarter = `${future.getUTCFullYear() + 1}-Q1`;
    const monthCases: [string, string][] = [
      ['', 'month'],
      ['month=2026-13', 'month'],
      ['month=2026-3', 'month'],
      ['month=March', 'month'],
      [`month=${futureMonth}`, 'month'],
      ['month=1850-01', 'month'],
      ['month=2026-03&format=xlsx', 'format'],
      ['month=2026-03&month=2026-04', 'month'],
    ];
    for (const [query, param] of monthCases) {
      const response = await monthly(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error.param, query).toBe(param);
    }
    const quarterCases: [string, string][] = [
      ['', 'quarter'],
      ['quarter=2026-Q5', 'quarter'],
      ['quarter=2026-Q0', 'quarter'],
      ['quarter=2026Q1', 'quarter'],
      [`quarter=${futureQuarter}`, 'quarter'],
      ['quarter=2026-Q1&format=pdfx', 'format'],
      ['quarter=2026-Q1&format=json', 'format'],
    ];
    for (const [query, param] of quarterCases) {
      const response = await executive(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error.param, query).toBe(param);
    }
  });

  it('hides another workspace behind 404 and asks signed-out callers to sign in', async () => {
    expect((await monthly('month=2026-03', w.memberB)).status).toBe(404);
    expect((await executive('quarter=2026-Q1', w.memberB)).status).toBe(404);
    expect((await monthly('month=2026-03', w.ownerA, w.b)).status).toBe(404);
    expect((await executive('quarter=2026-Q1&format=pdf', w.ownerA, w.b)).status).toBe(404);
    expect((await monthly('month=2026-03', null)).status).toBe(401);
    expect((await executive('quarter=2026-Q1', null)).status).toBe(401);
    // B's member gets B's report, with none of A's calls.
    const beta = (await monthly('month=2026-03', w.memberB, w.b)).body as MonthlyReport;
    expect(beta.summary.totalCalls).toBe(3);
  });
});
