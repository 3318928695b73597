import { providerName } from '@/lib/providers/brands';
import type { MonthlyReport } from '../monthly';
import { formatCount, formatDate, formatMinutes, formatMoney, formatPercent, formatQuantity, formatRangeDates, formatGeneratedAt, formatReportRange, formatSeconds, ROUNDING_NOTE } from '../format';
import { monthTitle, toDateSuffix } from '../period';
import { agentTable } from './agent-table';
import { barChart, COLORS, createPdf, ensureSpace, footers, header, infoBox, kpiGrid, lineChart, paragraph, pdfBytes, sectionTitle, shareBar, table, type TableRow } from './document';

const LEADERBOARD_ROWS = 12;

/** The monthly report as a PDF a customer can forward: KPIs, charts, leaderboard, billing and usage. */
export function monthlyReportPdf(report: MonthlyReport, generatedAt: Date): Promise<Buffer> {
  const { summary: s, period, workspace } = report;
  const title = `Monthly report – ${monthTitle(period.month)}${toDateSuffix(period.toDate)}`;
  const doc = createPdf({ title: `${workspace.name}: ${title}`, subject: 'Calls, minutes, success and cost of one calendar month' });

  header(doc, title, [workspace.name, `${formatReportRange(period)} · local times in ${period.timeZone}`]);

  sectionTitle(doc, 'Summary');
  kpiGrid(doc, [
    { label: 'Total calls', value: formatCount(s.totalCalls), hint: `${formatCount(s.completed)} completed · ${formatCount(s.failed)} failed` },
    { label: 'Success rate', value: formatPercent(s.successRate), hint: 'completed / calls that ended' },
    { label: 'Total minutes', value: formatMinutes(s.totalMinutes) },
    { label: 'Total cost', value: formatMoney(s.totalCost), hint: 'billed usage in the month' },
    { label: 'Avg duration', value: formatSeconds(s.avgDuration) },
    { label: 'Avg response', value: `${formatCount(s.avgResponseTime)} ms` },
    { label: 'Inbound / outbound', value: `${formatCount(report.details.calls.callsByDirection.inbound)} / ${formatCount(report.details.calls.callsByDirection.outbound)}` },
    { label: 'Longest call', value: formatSeconds(report.details.calls.longestCall) },
  ]);
  sectionTitle(doc, 'Sentiment', 'Share of calls with a sentiment');
  shareBar(doc, [
    { label: 'Positive', value: s.sentiment.positive, color: COLORS.positive },
    { label: 'Neutral', value: s.sentiment.neutral, color: COLORS.neutral },
    { label: 'Negative', value: s.sentiment.negative, color: COLORS.negative },
  ]);

  sectionTitle(doc, 'Calls by hour of day', `Local time (${period.timeZone})`);
  barChart(
    doc,
    report.charts.callsByHour.map((h) => ({ label: String(h.hour).padStart(2, '0'), value: h.count })),
    { valueLabel: (v) => formatCount(v), showLabel: (i) => i % 2 === 0, height: 120 },
  );

  sectionTitle(doc, 'Cost trend', period.toDate ? 'Billed usage per local day, up to today (today so far)' : 'Billed usage per local day');
  lineChart(
    doc,
    report.charts.costTrend.map((d) => ({ label: formatDate(`${d.date}T12:00:00Z`, 'UTC').replace(/ \d{4}$/, ''), value: Number(d.cost) })),
    { valueLabel: (v) => formatMoney(v.toFixed(2)), height: 110 },
  );

  const agents = report.charts.callsByAgent;
  ensureSpace(doc, 40 + 18 * (Math.min(agents.length, 8) + 1));
  sectionTitle(doc, 'Agent leaderboard', agents.length > LEADERBOARD_ROWS ? `Top ${LEADERBOARD_ROWS} of ${agents.length} agents by calls` : 'Agents by calls');
  // Sorted by calls, so the first row is also the longest bar.
  agentTable(doc, agents.slice(0, LEADERBOARD_ROWS), 'No calls in this month');

  const { billingPeriod, usage } = report.details.costs;
  sectionTitle(doc, 'Billing');
  if (billingPeriod) {
    // A draft period's amounts still change until the month is closed: never shown as what is due.
    const draft = billingPeriod.status === 'draft';
    infoBox(doc, `Billing period ${formatRangeDates(billingPeriod.periodStart, billingPeriod.periodEnd, period.timeZone)} (${draft ? 'draft, not final' : billingPeriod.status})`, [
      ['Subscription', formatMoney(billingPeriod.subscriptionAmount)],
      ['Usage', formatMoney(billingPeriod.usageAmount)],
      [draft ? 'Amount so far (not final)' : 'Amount due', formatMoney(billingPeriod.totalAmount)],
    ]);
  } else {
    paragraph(doc, 'No billing period overlaps this month; the usage below is that of the calendar month.', 9);
  }
  sectionTitle(doc, 'Usage by provider and type', billingPeriod ? 'Usage records of the billing period' : 'Usage records of the month');
  const usageRows: TableRow[] = [];
  for (const provider of usage.byProvider) {
    for (const line of usage.lines.filter((l) => l.provider === provider.provider)) {
      usageRows.push({ cells: [providerName(line.provider), line.usageType.replaceAll('_', ' '), formatQuantity(line.quantity), formatMoney(line.billedAmount)] });
    }
    usageRows.push({ cells: [`${providerName(provider.provider)} total`, '', '', formatMoney(provider.billedAmount)], bold: true });
  }
  if (usageRows.length === 0) usageRows.push({ cells: ['No usage', '', '', ''] });
  else usageRows.push({ cells: ['Total', '', '', formatMoney(usage.totals.billedAmount)], bold: true });
  table(
    doc,
    [
      { header: 'Provider', width: 0.3 },
      { header: 'Usage type', width: 0.3 },
      { header: 'Quantity', width: 0.2, align: 'right' },
      { header: 'Billed', width: 0.2, align: 'right' },
    ],
    usageRows,
  );

  paragraph(
    doc,
    `How these figures are computed: calls count by their local start time in ${period.timeZone}; success rate is completed calls over calls that ended ` +
      `(completed, failed, no answer, busy, canceled); total cost is the billed amount of the month's usage records. ${ROUNDING_NOTE}`,
  );
  footers(doc, `${workspace.name} · ${title} · generated ${formatGeneratedAt(generatedAt)}`);
  return pdfBytes(doc);
}
