import { DataTable, EmptyState, type Column } from '@/components/ui';
import { formatInstant } from '@/lib/charts/format';
import type { DeliveryRow } from '@/lib/connectors/store';

const RESULT_STYLE: Record<DeliveryRow['result'], string> = {
  accepted: 'bg-green-50 text-green-800',
  duplicate: 'bg-slate-100 text-slate-700',
  ignored: 'bg-slate-100 text-slate-600',
  rejected: 'bg-red-50 text-red-800',
};

/** The last deliveries of one connector: when, what, which call, and what became of it (and why). */
export function DeliveriesTable({ rows, timeZone, caption }: { rows: DeliveryRow[]; timeZone: string; caption: string }) {
  const columns: Column<DeliveryRow>[] = [
    { key: 'time', header: 'Time', cell: (row) => <time dateTime={row.receivedAt.toISOString()}>{formatInstant(row.receivedAt.toISOString(), timeZone)}</time> },
    { key: 'event', header: 'Event', cell: (row) => (row.eventType ? <code className="text-xs">{row.eventType}</code> : '—') },
    { key: 'call', header: 'Call id', cell: (row) => (row.callExternalId ? <code className="text-xs">{row.callExternalId}</code> : '—'), hideOnMobile: true },
    { key: 'result', header: 'Result', cell: (row) => <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${RESULT_STYLE[row.result]}`}>{row.result}</span> },
    { key: 'reason', header: 'Error reason', cell: (row) => <span className="whitespace-normal break-words text-xs text-slate-700">{row.reason ?? '—'}</span> },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<EmptyState title="No deliveries yet" description="Paste the webhook URL into your platform; each delivery appears here, with the reason when one is rejected." />}
    />
  );
}
