import Link from 'next/link';
import { Card, DataTable, Definition, EmptyState, KpiCard } from '@/components/ui';
import type { CohortRow, MovementType, MrrMonth, MrrReport } from '@/lib/analytics/subscriptions';
import { mrrChart } from '@/lib/admin/mrr-chart-data';
import { ADMIN_DEFINITIONS, type AdminDefinitionKey } from '@/lib/admin/definitions';
import { formatMonth, formatNullablePercent } from '@/lib/admin/format';
import { formatMoney, humanize } from '@/lib/charts/format';
import { MrrChart } from './mrr-chart';

const MOVEMENTS: MovementType[] = ['new', 'expansion', 'contraction', 'churn', 'reactivation'];

function header(label: string, definition: AdminDefinitionKey) {
  return (
    <span className="inline-flex items-center gap-1">
      {label}
      <Definition term={label} text={ADMIN_DEFINITIONS[definition]} align="right" />
    </span>
  );
}

function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
      {label}
    </a>
  );
}

/** The /admin/mrr page body, all from one getMrrReport call. `query` carries from/to/timeZone into links. */
export async function MrrContent({ report: pending, query, drill }: { report: Promise<MrrReport>; query: string; drill: { month: string; type: MovementType } | null }) {
  const report = await pending;
  const chart = mrrChart(report.months);
  const last = report.months.at(-1)!;
  const lastChurn = report.churn.at(-1)!;
  const lastUnit = report.unitEconomics.at(-1)!;
  const csv = (kind: string) => `/api/admin/mrr/export?${query ? `${query}&` : ''}kind=${kind}`;
  const drillHref = (month: string, type: MovementType) => `/admin/mrr?${query ? `${query}&` : ''}drill=${month}:${type}#drill-down`;
  const arr = (Number(last.ending) * 12).toFixed(6);
  return (
    <div className="space-y-6">
      <section aria-label="Key figures" className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <div data-kpi="mrr"><KpiCard label="MRR" value={formatMoney(last.ending)} definition={`${ADMIN_DEFINITIONS.mrr} Here: in effect at the end of ${formatMonth(last.month)}.`} /></div>
        <div data-kpi="arr"><KpiCard label="ARR" value={formatMoney(arr)} definition={ADMIN_DEFINITIONS.arr} /></div>
        <div data-kpi="arpa"><KpiCard label="ARPA" value={lastUnit.arpa ? formatMoney(lastUnit.arpa) : '—'} definition={ADMIN_DEFINITIONS.arpa} /></div>
        <div data-kpi="ltv" className="md:[&_[role=tooltip]]:right-0 md:[&_[role=tooltip]]:left-auto"><KpiCard label="LTV" value={lastUnit.ltv ? formatMoney(lastUnit.ltv) : 'Undefined'} definition={ADMIN_DEFINITIONS.ltv} /></div>
        <div data-kpi="logoChurn" className="[&_[role=tooltip]]:right-0 [&_[role=tooltip]]:left-auto"><KpiCard label="Logo churn" value={formatNullablePercent(lastChurn.logoChurnRate)} definition={ADMIN_DEFINITIONS.logoChurn} /></div>
        <div data-kpi="netRevenueChurn" className="[&_[role=tooltip]]:right-0 [&_[role=tooltip]]:left-auto"><KpiCard label="Net MRR churn" value={formatNullablePercent(lastChurn.netRevenueChurnRate)} definition={ADMIN_DEFINITIONS.netRevenueChurn} /></div>
      </section>

      <MrrChart data={chart.data} summary={chart.summary} table={chart.table} empty={chart.empty} definition={ADMIN_DEFINITIONS.mrrOverTime} actions={<CsvLink href={csv('months')} label="CSV" />} />

      <Card title="MRR movements by month" definition={ADMIN_DEFINITIONS.mrrMovements} actions={<CsvLink href={csv('movements')} label="CSV of every movement" />}>
        <div data-testid="mrr-movements">
          <DataTable<MrrMonth>
            caption="MRR movements by month"
            rows={report.months}
            rowKey={(m) => m.month}
            columns={[
              { key: 'month', header: 'Month', cell: (m) => <span data-month={m.month}>{formatMonth(m.month)}</span> },
              { key: 'starting', header: 'Starting', align: 'right', cell: (m) => formatMoney(m.starting) },
              ...MOVEMENTS.map((type) => ({
                key: type,
                header: humanize(type),
                align: 'right' as const,
                hideOnMobile: type === 'reactivation' || type === 'contraction',
                cell: (m: MrrMonth) =>
                  Number(m[type]) === 0 ? (
                    <span className="text-slate-400">{formatMoney(m[type])}</span>
                  ) : (
                    <Link href={drillHref(m.month, type)} data-movement={type} className="rounded text-brand-700 hover:underline" aria-label={`${humanize(type)} ${formatMonth(m.month)}: ${formatMoney(m[type])}, show workspaces`}>
                      {type === 'contraction' || type === 'churn' ? '−' : '+'}
                      {formatMoney(m[type])}
                    </Link>
                  ),
              })),
              { key: 'ending', header: 'Ending', align: 'right', cell: (m) => <strong className="font-medium">{formatMoney(m.ending)}</strong> },
            ]}
          />
        </div>
        {drill ? <DrillDown report={report} drill={drill} /> : null}
      </Card>

      <Card title="Churn and unit economics">
        <DataTable<MrrMonth>
          caption="Churn, ARPA and LTV by month"
          rows={report.months}
          rowKey={(m) => m.month}
          columns={[
            { key: 'month', header: 'Month', cell: (m) => formatMonth(m.month) },
            { key: 'logo', header: header('Logo churn', 'logoChurn'), align: 'right', cell: (m) => formatNullablePercent(churnOf(report, m).logoChurnRate) },
            { key: 'gross', header: header('Gross MRR churn', 'grossRevenueChurn'), align: 'right', cell: (m) => formatNullablePercent(churnOf(report, m).grossRevenueChurnRate) },
            { key: 'net', header: header('Net MRR churn', 'netRevenueChurn'), align: 'right', hideOnMobile: true, cell: (m) => formatNullablePercent(churnOf(report, m).netRevenueChurnRate) },
            { key: 'arpa', header: header('ARPA', 'arpa'), align: 'right', hideOnMobile: true, cell: (m) => moneyOrDash(unitOf(report, m).arpa) },
            { key: 'ltv', header: header('LTV', 'ltv'), align: 'right', hideOnMobile: true, cell: (m) => moneyOrDash(unitOf(report, m).ltv) },
          ]}
        />
      </Card>

      <Card title="Cohort net revenue retention" definition={ADMIN_DEFINITIONS.cohorts} actions={<CsvLink href={csv('cohorts')} label="CSV" />}>
        <CohortGrid cohorts={report.cohorts} width={report.months.length} />
      </Card>
    </div>
  );
}

const churnOf = (report: MrrReport, m: MrrMonth) => report.churn[report.months.indexOf(m)]!;
const unitOf = (report: MrrReport, m: MrrMonth) => report.unitEconomics[report.months.indexOf(m)]!;
const moneyOrDash = (value: string | null) => (value === null ? '—' : formatMoney(value));

function DrillDown({ report, drill }: { report: MrrReport; drill: { month: string; type: MovementType } }) {
  const month = report.months.find((m) => m.month === drill.month);
  const rows = month ? month.movements.filter((m) => m.type === drill.type) : [];
  return (
    <div id="drill-down" className="mt-4 border-t border-slate-100 pt-4" data-testid="drill-down">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">
        {humanize(drill.type)} in {formatMonth(drill.month)}: {rows.length} {rows.length === 1 ? 'change' : 'changes'}
      </h3>
      <DataTable
        caption={`Workspaces behind ${drill.type} in ${drill.month}`}
        rows={rows.map((row, i) => ({ ...row, key: `${row.workspaceId}-${i}` }))}
        rowKey={(row) => row.key}
        empty={<EmptyState title="No workspaces behind this figure" description="Pick a non-zero figure in the table above." />}
        columns={[
          {
            key: 'workspace',
            header: 'Workspace',
            cell: (row) => (
              <Link href={`/admin/workspaces/${row.workspaceId}`} className="rounded font-medium text-brand-700 hover:underline" data-drill-workspace={row.workspaceId}>
                {report.workspaceNames[row.workspaceId] ?? row.workspaceId}
              </Link>
            ),
          },
          { key: 'when', header: 'When (UTC)', hideOnMobile: true, cell: (row) => row.occurredAt.toISOString().slice(0, 16).replace('T', ' ') },
          { key: 'before', header: 'MRR before', align: 'right', hideOnMobile: true, cell: (row) => formatMoney(row.mrrBefore) },
          { key: 'after', header: 'MRR after', align: 'right', hideOnMobile: true, cell: (row) => formatMoney(row.mrrAfter) },
          { key: 'amount', header: 'Amount', align: 'right', cell: (row) => formatMoney(row.amount) },
        ]}
      />
    </div>
  );
}

function cellTone(nrr: number | null): string {
  if (nrr === null) return 'bg-slate-50 text-slate-400';
  if (nrr >= 100) return 'bg-emerald-100 text-emerald-900';
  if (nrr >= 80) return 'bg-emerald-50 text-emerald-800';
  if (nrr >= 50) return 'bg-amber-50 text-amber-800';
  return 'bg-rose-50 text-rose-800';
}

function CohortGrid({ cohorts, width }: { cohorts: CohortRow[]; width: number }) {
  if (cohorts.length === 0) return <EmptyState title="No cohorts in these months" description="A cohort is the workspaces that first paid in a month." />;
  return (
    <div className="-mx-4 overflow-x-auto px-4" data-testid="cohort-grid">
      <table className="w-full min-w-max text-sm">
        <caption className="sr-only">Net revenue retention by monthly cohort, in percent of the cohort’s first-month MRR</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">Cohort</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">Workspaces</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">First-month MRR</th>
            {Array.from({ length: width }, (_, k) => (
              <th key={k} scope="col" className="px-1 py-2 text-center font-medium">
                M{k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.cohort} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="whitespace-nowrap py-1.5 pr-3 text-left font-medium text-slate-900">
                {formatMonth(c.cohort)}
              </th>
              <td className="tabular px-2 py-1.5 text-right">{c.workspaces}</td>
              <td className="tabular px-2 py-1.5 text-right">{formatMoney(c.startingMrr)}</td>
              {Array.from({ length: width }, (_, k) => {
                const cell = c.cells[k];
                return (
                  <td key={k} className="px-0.5 py-0.5">
                    {cell ? (
                      <span
                        className={`tabular block rounded px-1.5 py-1 text-center text-xs ${cellTone(cell.nrr)}`}
                        title={`${formatMonth(cell.month)}: ${formatMoney(cell.mrr)}, ${cell.retainedWorkspaces} of ${c.workspaces} paying`}
                      >
                        {cell.nrr === null ? '—' : `${Math.round(cell.nrr)}%`}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
