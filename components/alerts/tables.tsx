import { DataTable, EmptyState, type Column } from '@/components/ui';
import { COMPARATOR_SYMBOLS, METRIC_LABELS, type AlertMetric, type Comparator, type RuleJson } from '@/lib/alerts';
import type { listAlertHistory, listDeliveries } from '@/lib/alerts';
import { formatInstant, humanize } from '@/lib/charts/format';
import { RuleActions } from './RuleActions';

type HistoryRow = Awaited<ReturnType<typeof listAlertHistory>>[number];
type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

const when = (date: Date | null, timeZone: string) => (date ? <time dateTime={date.toISOString()}>{formatInstant(date.toISOString(), timeZone)}</time> : '—');
const figure = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2));
const metricLabel = (m: string) => METRIC_LABELS[m as AlertMetric] ?? m;
const condition = (metric: string, comparator: string, threshold: number, window?: number) =>
  `${metricLabel(metric)} ${COMPARATOR_SYMBOLS[comparator as Comparator] ?? comparator} ${threshold}${window ? ` over ${window} min` : ''}`;

const STATE_STYLES: Record<string, string> = {
  firing: 'bg-red-100 text-red-800',
  ok: 'bg-emerald-100 text-emerald-800',
  no_data: 'bg-slate-100 text-slate-700',
  pending: 'bg-slate-100 text-slate-700',
  resolved: 'bg-emerald-100 text-emerald-800',
  sent: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-red-100 text-red-800',
  sending: 'bg-amber-100 text-amber-800',
};
const STATE_LABELS: Record<string, string> = { no_data: 'Not enough data', pending: 'Not evaluated yet' };

export function StateBadge({ state }: { state: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLES[state] ?? 'bg-slate-100 text-slate-700'}`}>{STATE_LABELS[state] ?? humanize(state)}</span>;
}

export function RulesTable({ rules, endpoint, timeZone }: { rules: RuleJson[]; endpoint: string; timeZone: string }) {
  const columns: Column<RuleJson>[] = [
    { key: 'name', header: 'Rule', cell: (r) => <span className="font-medium text-slate-900">{r.name}</span> },
    {
      key: 'condition',
      header: 'Condition',
      cell: (r) => (
        <span>
          {condition(r.metric, r.comparator, r.threshold, r.window_minutes)}
          <span className="block text-xs text-slate-500">
            {[`min ${r.min_calls} calls`, r.filters.agent_id ? 'one agent' : null, r.filters.provider ? `provider ${r.filters.provider}` : null].filter(Boolean).join(' · ')}
          </span>
        </span>
      ),
    },
    { key: 'channels', header: 'Notify', hideOnMobile: true, cell: (r) => (r.channels.length ? r.channels.map((c) => (c.type === 'email' ? `email (${c.to.length})` : 'webhook')).join(', ') : 'in-app only') },
    {
      key: 'state',
      header: 'State',
      cell: (r) => (
        <span className="flex flex-col items-start gap-0.5">
          {r.enabled ? <StateBadge state={r.state} /> : <StateBadge state="paused" />}
          <span className="text-xs text-slate-500">{r.last_value === null ? '' : `value ${figure(r.last_value)} · ${r.last_calls} calls`}</span>
        </span>
      ),
    },
    { key: 'evaluated', header: 'Evaluated', hideOnMobile: true, cell: (r) => when(r.last_evaluated_at, timeZone) },
    // A visible header: an sr-only (absolute) one escapes the table's scroll box and widens the page at 390 px.
    { key: 'actions', header: 'Actions', cell: (r) => <RuleActions endpoint={`${endpoint}/${r.id}`} enabled={r.enabled} name={r.name} canTest={r.channels.length > 0} /> },
  ];
  return (
    <DataTable
      caption="Alert rules"
      columns={columns}
      rows={rules}
      rowKey={(r) => r.id}
      empty={<EmptyState title="No alert rules yet" description="Add one above: you will be told when a figure crosses its threshold." />}
    />
  );
}

export function HistoryTable({ rows, timeZone }: { rows: HistoryRow[]; timeZone: string }) {
  const columns: Column<HistoryRow>[] = [
    { key: 'rule', header: 'Rule', cell: (e) => <span className="font-medium text-slate-900">{e.rule_name}{e.subject ? ` (${e.subject})` : ''}</span> },
    { key: 'state', header: 'State', cell: (e) => <StateBadge state={e.state} /> },
    { key: 'value', header: 'Value', align: 'right', cell: (e) => figure(e.value) },
    { key: 'condition', header: 'Condition', hideOnMobile: true, cell: (e) => condition(e.metric, e.comparator, e.threshold) },
    { key: 'fired', header: 'Fired', cell: (e) => when(e.fired_at, timeZone) },
    {
      key: 'resolved',
      header: 'Resolved',
      cell: (e) => (e.resolved_at ? <span>{when(e.resolved_at, timeZone)}{e.resolved_reason && e.resolved_reason !== 'ok' ? <span className="block text-xs text-slate-500">{humanize(e.resolved_reason)}</span> : null}</span> : '—'),
    },
    { key: 'calls', header: 'Calls', align: 'right', hideOnMobile: true, cell: (e) => e.calls.toLocaleString('en-US') },
  ];
  return <DataTable caption="Alert history" columns={columns} rows={rows} rowKey={(e) => e.id} empty={<EmptyState title="Nothing has fired" description="When a rule fires, it is listed here with its value and when it resolved." />} />;
}

export function DeliveriesTable({ rows, timeZone }: { rows: DeliveryRow[]; timeZone: string }) {
  const columns: Column<DeliveryRow>[] = [
    { key: 'when', header: 'Queued', cell: (d) => when(d.created_at, timeZone) },
    { key: 'kind', header: 'What', cell: (d) => `${humanize(d.channel)} · ${d.kind}` },
    { key: 'target', header: 'To', hideOnMobile: true, cell: (d) => <span className="break-all">{d.target}</span> },
    { key: 'status', header: 'Status', cell: (d) => <StateBadge state={d.status} /> },
    {
      key: 'detail',
      header: 'Detail',
      cell: (d) =>
        d.status === 'sent' ? `sent ${formatInstant(d.sent_at!.toISOString(), timeZone)} · ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}` : (
          <span className="text-xs">
            {d.last_error ?? 'waiting'}
            {d.next_attempt_at ? ` · next try ${formatInstant(d.next_attempt_at.toISOString(), timeZone)}` : ''}
          </span>
        ),
    },
  ];
  return <DataTable caption="Last deliveries" columns={columns} rows={rows} rowKey={(d) => d.id} empty={<EmptyState title="Nothing sent yet" description="Emails and webhooks appear here with their status and retries." />} />;
}
