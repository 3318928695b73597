import Link from 'next/link';
import { DataTable, Definition, EmptyState } from '@/components/ui';
import type { WorkspaceListRow } from '@/lib/analytics';
import { ADMIN_DEFINITIONS } from '@/lib/admin/definitions';
import { defaultOrder, type WorkspaceDirectoryQuery, type WorkspaceSort } from '@/lib/admin/workspace-query';
import { formatCount, formatMoney, humanize } from '@/lib/charts/format';

const STATUS_STYLE: Record<WorkspaceListRow['status'], string> = {
  active: 'bg-emerald-50 text-emerald-800',
  trialing: 'bg-sky-50 text-sky-800',
  past_due: 'bg-amber-50 text-amber-800',
  cancelled: 'bg-slate-100 text-slate-600',
};

/**
 * The workspace list. Column headers are links that set `sort`/`order` in the URL (the
 * current column flips its order); `baseParams` carries the range and search along.
 */
export function WorkspaceTable({ rows, query, baseParams }: { rows: WorkspaceListRow[]; query: WorkspaceDirectoryQuery; baseParams: string }) {
  const sortHeader = (sort: WorkspaceSort, label: string, definition?: string) => {
    const active = sort === query.sort;
    const params = new URLSearchParams(baseParams);
    params.set('sort', sort);
    params.set('order', active ? (query.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort));
    return (
      <span className="inline-flex items-center gap-1">
        <Link href={`/admin/workspaces?${params.toString()}`} data-sort={sort} className={`rounded hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}>
          {label}
          <span aria-hidden="true" className="inline-block w-3 text-center">
            {active ? (query.order === 'asc' ? '↑' : '↓') : ''}
          </span>
          <span className="sr-only">{active ? `, sorted ${query.order === 'asc' ? 'ascending' : 'descending'}` : ', sort by this column'}</span>
        </Link>
        {definition ? <Definition term={label} text={definition} align="right" /> : null}
      </span>
    );
  };
  return (
    <DataTable<WorkspaceListRow>
      caption={`Workspaces sorted by ${query.sort} (${query.order === 'asc' ? 'ascending' : 'descending'})`}
      rows={rows}
      rowKey={(row) => row.workspaceId}
      empty={
        <EmptyState
          title={query.q ? `No workspace matches “${query.q}”` : 'No workspaces yet'}
          description={query.q ? 'Search looks at name, slug, tier and status.' : undefined}
        />
      }
      columns={[
        {
          key: 'name',
          header: sortHeader('name', 'Workspace'),
          cell: (row) => (
            <span className="block max-w-[13rem] sm:max-w-none">
              {/* Targets at least 24 px high (WCAG 2.5.8); the plan link is underlined, not told apart by colour alone. */}
              <Link href={`/workspaces/${row.workspaceId}`} data-workspace-id={row.workspaceId} className="block min-h-6 truncate rounded font-medium leading-6 text-brand-700 hover:underline">
                {row.name}
              </Link>
              <span className="block truncate text-xs text-slate-500">
                {row.slug} ·{' '}
                <Link href={`/admin/workspaces/${row.workspaceId}`} data-plan-link={row.workspaceId} className="inline-flex min-h-6 items-center rounded text-brand-700 underline">
                  plan
                </Link>
              </span>
            </span>
          ),
        },
        { key: 'tier', header: sortHeader('tier', 'Tier'), hideOnMobile: true, cell: (row) => (row.tier ? humanize(row.tier) : '—') },
        {
          key: 'status',
          header: sortHeader('status', 'Status'),
          hideOnMobile: true,
          cell: (row) => <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[row.status]}`}>{humanize(row.status)}</span>,
        },
        { key: 'calls', header: sortHeader('calls', 'Calls', ADMIN_DEFINITIONS.workspaceCalls), align: 'right', cell: (row) => formatCount(row.calls) },
        { key: 'revenue', header: sortHeader('revenue', 'Revenue', ADMIN_DEFINITIONS.workspaceRevenue), align: 'right', cell: (row) => formatMoney(row.revenue) },
        { key: 'mrr', header: sortHeader('mrr', 'MRR', ADMIN_DEFINITIONS.workspaceMrr), align: 'right', hideOnMobile: true, cell: (row) => formatMoney(row.mrr) },
      ]}
    />
  );
}
