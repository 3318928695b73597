import { Card, ChartFrame, DataTable, Definition, EmptyState } from '@/components/ui';
import type { ProviderAnalyticsRow } from '@/lib/analytics';
import { latencyOverTime, providerCostRevenue } from '@/lib/admin/chart-data';
import { ADMIN_DEFINITIONS, type AdminDefinitionKey } from '@/lib/admin/definitions';
import { formatLatency, formatNullablePercent } from '@/lib/admin/format';
import { formatCount, formatMoney, formatPercent } from '@/lib/charts/format';
import { PROVIDER_KIND_LABELS, providerKind, providerName, sortByProviderKind } from '@/lib/providers/brands';
import { GroupedMoneyBarChart } from './grouped-bar-chart';
import { LatencyChart } from './latency-chart';

const CHART_HEIGHT = 260;

const isLoss = (row: ProviderAnalyticsRow) => row.profitMargin !== null && row.profitMargin < 0;
/** Calls and success are per voice provider (calls.voice_provider_used): other vendors show "—", not "0 · 0.0 %". */
const carriesCalls = (row: ProviderAnalyticsRow) => row.totalCalls > 0 || providerKind(row.provider) === 'voice';

function header(label: string, definition: AdminDefinitionKey) {
  return (
    <span className="inline-flex items-center gap-1">
      {label}
      <Definition term={label} text={ADMIN_DEFINITIONS[definition]} align="right" />
    </span>
  );
}

/** The /admin/providers cards, all fed by one getProviderAnalytics call. */
export async function ProvidersContent({ providers }: { providers: Promise<ProviderAnalyticsRow[]> }) {
  // Grouped by kind (telephony, speech-to-text, model, voice), brand names as written.
  const rows = sortByProviderKind(await providers, (row) => row.provider);
  const losses = rows.filter(isLoss);
  const costRevenue = providerCostRevenue(rows);
  const latency = latencyOverTime(rows);
  return (
    <div className="space-y-6">
      <Card title="Providers">
        {losses.length > 0 ? (
          <p role="note" data-testid="loss-note" className="mb-3 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            <strong>Negative margin:</strong> {losses.map((row) => providerName(row.provider)).join(', ')} {losses.length === 1 ? 'costs' : 'cost'} the platform more than
            it bills.
          </p>
        ) : null}
        <div data-testid="providers">
          <DataTable<ProviderAnalyticsRow>
            caption="Per-provider calls, success, cost, revenue, margin and latency"
            rows={rows}
            rowKey={(row) => row.provider}
            empty={<EmptyState title="No provider activity in this range" description="No calls or usage records fall in the selected dates." />}
            columns={[
              {
                key: 'provider',
                header: 'Provider',
                cell: (row) => (
                  <span data-provider={row.provider} data-loss={isLoss(row) || undefined} className="font-medium text-slate-900">
                    {providerName(row.provider)}
                    <span className="ml-2 text-xs font-normal text-slate-500">{PROVIDER_KIND_LABELS[providerKind(row.provider)]}</span>
                    {isLoss(row) ? <span className="ml-2 rounded bg-rose-600 px-1.5 py-0.5 text-xs font-semibold text-white">Loss</span> : null}
                  </span>
                ),
              },
              { key: 'calls', header: header('Calls', 'providerCalls'), align: 'right', cell: (row) => (carriesCalls(row) ? formatCount(row.totalCalls) : '—') },
              { key: 'successRate', header: header('Success', 'providerSuccess'), align: 'right', cell: (row) => (carriesCalls(row) ? formatPercent(row.successRate) : '—') },
              { key: 'cost', header: header('Cost', 'providerCost'), align: 'right', cell: (row) => formatMoney(row.totalCost) },
              { key: 'revenue', header: header('Revenue', 'providerRevenue'), align: 'right', cell: (row) => formatMoney(row.totalRevenue) },
              {
                key: 'margin',
                header: header('Margin', 'providerMargin'),
                align: 'right',
                cell: (row) => <span className={isLoss(row) ? 'rounded bg-rose-50 px-1 font-semibold text-rose-700' : ''}>{formatNullablePercent(row.profitMargin)}</span>,
              },
              { key: 'avgLatency', header: header('Avg latency', 'providerAvgLatency'), align: 'right', cell: (row) => formatLatency(row.avgLatency) },
              { key: 'p95Latency', header: header('p95 latency', 'providerP95Latency'), align: 'right', cell: (row) => formatLatency(row.p95Latency) },
            ]}
          />
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFrame
          title="Cost vs revenue by provider"
          definition={`${ADMIN_DEFINITIONS.providerCost} ${ADMIN_DEFINITIONS.providerRevenue}`}
          summary={costRevenue.summary}
          table={costRevenue.table}
          height={CHART_HEIGHT}
          empty={costRevenue.empty ? { title: 'No usage in this range' } : null}
        >
          <GroupedMoneyBarChart
            data={costRevenue.data}
            categoryKey="provider"
            height={CHART_HEIGHT}
            series={[
              { key: 'cost', name: 'Cost (paid to provider)', color: '#c2410c' },
              { key: 'revenue', name: 'Revenue (billed)', color: '#2f6fed' },
            ]}
          />
        </ChartFrame>
        <ChartFrame
          title="Latency over time (ms)"
          definition={ADMIN_DEFINITIONS.latencyOverTime}
          summary={latency.summary}
          table={latency.table}
          height={CHART_HEIGHT}
          empty={latency.empty ? { title: 'No health checks in this range' } : null}
        >
          <LatencyChart data={latency.data} providers={latency.providers} height={CHART_HEIGHT} />
        </ChartFrame>
      </div>
    </div>
  );
}
