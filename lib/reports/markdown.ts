import { providerName } from '@/lib/providers/brands';
import type { ExecutiveSummary } from './executive';
import { agentLabel, formatCount, formatHour, formatMinutes, formatMoney, formatPercent, formatReportRange, formatSeconds, ROUNDING_NOTE } from './format';
import { quarterTitle, toDateSuffix } from './period';

// What can start or end an inline construct where a name is placed (inside **bold** in
// running text, never at a line start): emphasis and strikethrough (* ~), code (`), links
// and images ([ ] ( ) !), HTML and autolinks (< >), entities (&), GFM table cells (|),
// the backslash itself, and what GFM turns into a link by itself (`://`, `www.`, `@`).
// Block markers (# - + . = at a line start) cannot occur there,
// and an underscore between letters or digits is never emphasis in CommonMark, so
// "America/New_York" and "Smith-Jones" stay as they are.
const MARKDOWN_SPECIAL = /[\\`*[\]()!<>&|~@]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|:(?=\/\/)|(?<=www)\./giu;

/** Text from users (agent, workspace and provider names) as literal markdown inline text. */
export function escapeMarkdown(text: string): string {
  // A newline would end the list item or start a block construct: names stay on one line.
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

export function executiveSummaryMarkdown(s: ExecutiveSummary): string {
  const { keyMetrics: k, callPerformance: p } = s;
  const lines: string[] = [
    `# Executive Summary – ${quarterTitle(s.period.quarter)}${toDateSuffix(s.period.toDate)}`,
    '',
    `**${escapeMarkdown(s.workspace.name)}** · ${formatReportRange(s.period)} · times in ${escapeMarkdown(s.period.timeZone)}`,
    '',
    '## Key Metrics',
    '',
    `- **Total Calls**: ${formatCount(k.totalCalls)}`,
    `- **Success Rate**: ${formatPercent(k.successRate)}`,
    `- **Total Minutes**: ${formatMinutes(k.totalMinutes)}`,
    `- **Total Cost**: ${formatMoney(k.totalCost)}`,
    '',
    '## Call Performance',
    '',
    `- **Average Duration**: ${formatSeconds(p.avgDuration)}`,
    `- **Longest Call**: ${formatSeconds(p.longestCall)}`,
    `- **Shortest Call**: ${formatSeconds(p.shortestCall)}`,
    `- **Average Response Time**: ${formatCount(p.avgResponseTime)} ms`,
    `- **Inbound Calls**: ${formatCount(p.inbound)}`,
    `- **Outbound Calls**: ${formatCount(p.outbound)}`,
    `- **Completed / Failed**: ${formatCount(p.completed)} / ${formatCount(p.failed)}`,
    '',
    '## Agent Performance',
    '',
    ...(s.agents.length
      ? s.agents.map(
          (a) =>
            `- **${escapeMarkdown(agentLabel(a))}**: ${formatCount(a.count)} calls, ` +
            `${formatPercent(a.successRate)} success, ${formatMinutes(a.totalMinutes)} min, ${formatMoney(a.cost)} call cost`,
        )
      : ['No calls in this quarter.']),
    '',
    '## Sentiment Analysis',
    '',
    `- **Positive**: ${formatPercent(s.sentiment.positive)}`,
    `- **Neutral**: ${formatPercent(s.sentiment.neutral)}`,
    `- **Negative**: ${formatPercent(s.sentiment.negative)}`,
    '',
    '## Cost Breakdown by Provider',
    '',
    ...(s.costByProvider.length ? s.costByProvider.map((c) => `- **${escapeMarkdown(providerName(c.provider))}**: ${formatMoney(c.cost)}`) : ['No usage in this quarter.']),
    '',
    '## Peak Call Hours',
    '',
    ...(s.peakHours.length ? s.peakHours.map((h, i) => `${i + 1}. ${formatHour(h.hour)} – ${formatCount(h.count)} calls`) : ['No calls in this quarter.']),
    '',
    '---',
    '',
    `_Local hours in ${escapeMarkdown(s.period.timeZone)}. Success rate = completed / calls that ended. Cost = billed usage. ${ROUNDING_NOTE}_`,
    '',
  ];
  return lines.join('\n');
}
