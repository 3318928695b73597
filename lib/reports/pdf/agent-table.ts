import type { AgentLeaderboardRow } from '@/lib/analytics';
import { agentLabel, formatCount, formatMinutes, formatMoney, formatPercent } from '../format';
import { table, type Pdf, type TableRow } from './document';

/** The agent leaderboard as a table with a bar under each row (monthly report and executive summary). */
export function agentTable(doc: Pdf, agents: readonly AgentLeaderboardRow[], emptyText: string): void {
  const most = Math.max(1, ...agents.map((a) => a.count));
  const rows: TableRow[] = agents.map((a) => ({
    cells: [agentLabel(a), formatCount(a.count), formatPercent(a.successRate), formatMinutes(a.totalMinutes), formatMoney(a.cost)],
    bar: a.count / most,
  }));
  if (rows.length === 0) rows.push({ cells: [emptyText, '', '', '', ''] });
  table(
    doc,
    [
      { header: 'Agent', width: 0.44 },
      { header: 'Calls', width: 0.12, align: 'right' },
      { header: 'Success', width: 0.14, align: 'right' },
      { header: 'Minutes', width: 0.14, align: 'right' },
      { header: 'Call cost', width: 0.16, align: 'right' },
    ],
    rows,
  );
}
