import { DataTable, EmptyState, type Column } from '@/components/ui';
import type { AuditLogRow } from '@/lib/audit';
import { formatInstant } from '@/lib/charts/format';

/** An audit trail as a table: when (in the workspace's zone), who, what, on what, from where. */
export function AuditTable({ rows, timeZone, caption }: { rows: AuditLogRow[]; timeZone: string; caption: string }) {
  const columns: Column<AuditLogRow>[] = [
    { key: 'when', header: 'When', cell: (row) => <time dateTime={row.createdAt.toISOString()}>{formatInstant(row.createdAt.toISOString(), timeZone)}</time> },
    { key: 'who', header: 'Who', cell: (row) => row.actorLabel },
    { key: 'action', header: 'Action', cell: (row) => <code className="text-xs">{row.action}</code> },
    { key: 'details', header: 'Details', cell: (row) => describeDetails(row.details), hideOnMobile: true },
    { key: 'ip', header: 'From', cell: (row) => row.ip ?? '—', hideOnMobile: true },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<EmptyState title="Nothing recorded yet" description="API keys, connectors, alert rules, report delivery and billing actions appear here as they happen." />}
    />
  );
}

/** `{ name: "prod", prefix: "vd_live_ab12" }` → `name: prod · prefix: vd_live_ab12`. */
function describeDetails(details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return '—';
  const parts = Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return parts.length ? parts.join(' · ') : '—';
}
