import { providerName } from '@/lib/providers/brands';
import type { ExecutiveSummary } from '../executive';
import { formatCount, formatHour, formatMinutes, formatMoney, formatPercent, formatGeneratedAt, formatReportRange, formatSeconds, ROUNDING_NOTE } from '../format';
import { quarterTitle, toDateSuffix } from '../period';
import { agentTable } from './agent-table';
import { COLORS, createPdf, ensureSpace, footers, header, kpiGrid, paragraph, pdfBytes, sectionTitle, shareBar, table, type TableRow } from './document';

/** The executive summary as a PDF: the markdown's sections, laid out. */
export function executiveSummaryPdf(s: ExecutiveSummary, generatedAt: Date): Promise<Buffer> {
  const title = `Executive summary – Q${s.period.quarter.slice(6)} ${s.period.quarter.slice(0, 4)}${toDateSuffix(s.period.toDate)}`;
  const doc = createPdf({ title: `${s.workspace.name}: ${title}`, subject: 'Quarterly calls, agents, sentiment and cost' });
  header(doc, title, [s.workspace.name, `${quarterTitle(s.period.quarter)}: ${formatReportRange(s.period)} · local times in ${s.period.timeZone}`]);

  const k = s.keyMetrics;
  const p = s.callPerformance;
  sectionTitle(doc, 'Key metrics');
  kpiGrid(doc, [
    { label: 'Total calls', value: formatCount(k.totalCalls) },
    { label: 'Success rate', value: formatPercent(k.successRate), hint: 'completed / calls that ended' },
    { label: 'Total minutes', value: formatMinutes(k.totalMinutes) },
    { label: 'Total cost', value: formatMoney(k.totalCost), hint: 'billed usage' },
  ]);

  sectionTitle(doc, 'Call performance');
  kpiGrid(doc, [
    { label: 'Avg duration', value: formatSeconds(p.avgDuration) },
    { label: 'Longest call', value: formatSeconds(p.longestCall) },
    { label: 'Inbound / outbound', value: `${formatCount(p.inbound)} / ${formatCount(p.outbound)}` },
    { label: 'Avg response', value: `${formatCount(p.avgResponseTime)} ms` },
  ]);

  ensureSpace(doc, 40 + 18 * (Math.min(s.agents.length, 8) + 1));
  sectionTitle(doc, 'Agent performance');
  agentTable(doc, s.agents, 'No calls in this quarter');

  sectionTitle(doc, 'Sentiment analysis', 'Share of calls with a sentiment');
  shareBar(doc, [
    { label: 'Positive', value: s.sentiment.positive, color: COLORS.positive },
    { label: 'Neutral', value: s.sentiment.neutral, color: COLORS.neutral },
    { label: 'Negative', value: s.sentiment.negative, color: COLORS.negative },
  ]);

  sectionTitle(doc, 'Cost breakdown by provider');
  const providerRows: TableRow[] = s.costByProvider.map((c) => ({ cells: [providerName(c.provider), formatMoney(c.cost)] }));
  providerRows.push(providerRows.length ? { cells: ['Total', formatMoney(k.totalCost)], bold: true } : { cells: ['No usage in this quarter', ''] });
  table(doc, [{ header: 'Provider', width: 0.7 }, { header: 'Billed', width: 0.3, align: 'right' }], providerRows);

  sectionTitle(doc, 'Peak call hours', `The ${s.peakHours.length || 5} busiest local hours (${s.period.timeZone})`);
  const busiest = Math.max(1, ...s.peakHours.map((h) => h.count));
  const hourRows: TableRow[] = s.peakHours.map((h, i) => ({ cells: [`${i + 1}.`, formatHour(h.hour), `${formatCount(h.count)} calls`], bar: h.count / busiest }));
  if (hourRows.length === 0) hourRows.push({ cells: ['', 'No calls in this quarter', ''] });
  table(doc, [{ header: '#', width: 0.1 }, { header: 'Hour', width: 0.5 }, { header: 'Calls', width: 0.4, align: 'right' }], hourRows);

  paragraph(doc, `Success rate = completed calls / calls that ended. Cost = billed usage records of the quarter. ${ROUNDING_NOTE}`);
  footers(doc, `${s.workspace.name} · ${title} · generated ${formatGeneratedAt(generatedAt)}`);
  return pdfBytes(doc);
}
