import type { MrrReport } from '@/lib/analytics/subscriptions';
import { csvRecords, neutraliseFormula } from '@/lib/reports/export/encoders';
import type { MrrExport } from './mrr-query';

const pct = (value: number | null) => (value === null ? '' : String(value));

/**
 * The MRR page's tables as CSV (RFC 4180, CRLF, UTF-8 BOM, formula-like names
 * neutralised): money as exact 6-place decimals, rates unrounded, empty where undefined.
 */
export function mrrCsv(report: MrrReport, kind: MrrExport): string {
  let rows: (string | number | null)[][];
  if (kind === 'months') {
    rows = [
      ['month', 'starting', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'ending', 'customers_at_start', 'customers_at_end', 'logo_churn_pct', 'gross_revenue_churn_pct', 'net_revenue_churn_pct', 'arpa', 'ltv'],
      ...report.months.map((m, i) => {
        const c = report.churn[i]!;
        const u = report.unitEconomics[i]!;
        return [m.month, m.starting, m.new, m.expansion, m.contraction, m.churn, m.reactivation, m.ending, m.customersAtStart, m.customersAtEnd, pct(c.logoChurnRate), pct(c.grossRevenueChurnRate), pct(c.netRevenueChurnRate), u.arpa ?? '', u.ltv ?? ''];
      }),
    ];
  } else if (kind === 'movements') {
    rows = [
      ['month', 'occurred_at', 'workspace_id', 'workspace', 'movement', 'amount', 'mrr_before', 'mrr_after'],
      ...report.months.flatMap((m) =>
        m.movements.map((x) => [m.month, x.occurredAt.toISOString(), x.workspaceId, neutraliseFormula(report.workspaceNames[x.workspaceId] ?? ''), x.type, x.amount, x.mrrBefore, x.mrrAfter]),
      ),
    ];
  } else {
    const width = report.months.length;
    rows = [
      ['cohort', 'workspaces', 'starting_mrr', ...Array.from({ length: width }, (_, k) => `month_${k}_nrr_pct`)],
      ...report.cohorts.map((c) => [c.cohort, c.workspaces, c.startingMrr, ...Array.from({ length: width }, (_, k) => pct(c.cells[k]?.nrr ?? null))]),
    ];
  }
  return '\uFEFF' + csvRecords(rows);
}
