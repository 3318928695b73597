'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { DataTable, EmptyState, ErrorState, type Column } from '@/components/ui';
import type { CallListItem, CallListResponse } from '@/lib/api/schemas';
import { providerName } from '@/lib/providers/brands';
import { formatCount, formatInstant, formatMoney, formatSeconds, humanize } from '@/lib/charts/format';
import { nextSearch, viewSearch } from '@/lib/charts/url';
import { agentDisplayName } from '@/lib/agents/label';

const SORTS = [
  { value: 'started_at', label: 'Started' },
  { value: 'duration', label: 'Duration' },
  { value: 'cost', label: 'Cost' },
] as const;
type Sort = (typeof SORTS)[number]['value'];
const PAGE_SIZE = 50;

/** A 400 about the cursor: the link's page no longer fits (other sort, forged, old format). */
class StaleCursorError extends Error {}

async function fetchCalls(workspaceId: string, search: string): Promise<CallListResponse> {
  const response = await fetch(`/api/workspaces/${workspaceId}/calls${search}`, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; param?: string } } | null;
    const message = body?.error?.message ?? `The server answered ${response.status}.`;
    if (response.status === 400 && body?.error?.param === 'cursor') throw new StaleCursorError(message);
    throw new Error(message);
  }
  return (await response.json()) as CallListResponse;
}

/** Table state changes touch only the URL (history API): the charts above do not reload. */
function pushSearch(search: string) {
  window.history.pushState(null, '', search || window.location.pathname);
}

/**
 * The paginated, sortable list of calls for the page's range and filters, read from the
 * JSON API with react-query (keyed by workspace, range, filters, sort and cursor). Sort,
 * order and cursor live in the URL, so a copied link opens the same page of the table.
 */
export function CallsTable({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const searchParams = useSearchParams();
  const view = viewSearch(searchParams.toString());
  const sort = (SORTS.find((option) => option.value === searchParams.get('sort'))?.value ?? 'started_at') as Sort;
  const order = searchParams.get('order') === 'asc' ? 'asc' : 'desc';
  const cursor = searchParams.get('cursor');
  // Cursors of the pages before this one, to go back (keyset pagination only goes forward).
  const [history, setHistory] = useState<string[]>([]);

  const apiSearch = nextSearch(view, {
    ...(sort !== 'started_at' ? { sort } : {}),
    ...(order !== 'desc' ? { order } : {}),
    ...(cursor ? { cursor } : {}),
    limit: String(PAGE_SIZE),
  });
  const query = useQuery({
    queryKey: ['calls', workspaceId, view, { sort, order, cursor, limit: PAGE_SIZE }],
    queryFn: () => fetchCalls(workspaceId, apiSearch),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof StaleCursorError) && count < 2,
  });
  // A stale cursor (a copied link of another sort, an old bookmark) goes back to the first
  // page and says so, instead of leaving an error where the calls should be.
  const [restarted, setRestarted] = useState(false);
  const stale = query.error instanceof StaleCursorError;
  useEffect(() => {
    if (!stale) return;
    // Runs once per stale answer, to sync with the browser's history (an external system):
    // the notice and the reset page stack must outlive the URL change that follows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestarted(true);
    setHistory([]);
    window.history.replaceState(null, '', nextSearch(window.location.search, { cursor: null }) || window.location.pathname);
  }, [stale]);

  const setSort = (value: Sort) => {
    setHistory([]);
    const nextOrder = value === sort && order === 'desc' ? 'asc' : 'desc';
    pushSearch(nextSearch(searchParams.toString(), { sort: value === 'started_at' ? null : value, order: nextOrder === 'desc' ? null : nextOrder, cursor: null }));
  };
  const goNext = (nextCursor: string) => {
    setHistory((previous) => [...previous, cursor ?? '']);
    pushSearch(nextSearch(searchParams.toString(), { cursor: nextCursor }));
  };
  const goBack = () => {
    const previous = history[history.length - 1] ?? '';
    setHistory((stack) => stack.slice(0, -1));
    pushSearch(nextSearch(searchParams.toString(), { cursor: previous || null }));
  };

  const sortHeader = (value: Sort, label: string) => {
    const active = sort === value;
    return (
      <button
        type="button"
        onClick={() => setSort(value)}
        aria-label={`Sort by ${label.toLowerCase()}${active ? (order === 'desc' ? ', currently descending' : ', currently ascending') : ''}`}
        className={`inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}
      >
        {label}
        <span aria-hidden="true">{active ? (order === 'desc' ? '↓' : '↑') : '↕'}</span>
      </button>
    );
  };

  const callHref = (row: CallListItem) => `/workspaces/${workspaceId}/calls/${row.id}${view}`;
  const columns: Column<CallListItem>[] = [
    {
      key: 'started',
      header: sortHeader('started_at', 'Started'),
      cardLabel: 'Started',
      cell: (row) => (
        <Link href={callHref(row)} className="tabular text-brand-700 underline-offset-2 hover:underline">
          <span className="sr-only">Open the call of </span>
          {formatInstant(row.startedAt, timeZone)}
        </Link>
      ),
    },
    {
      key: 'agent',
      header: 'Agent',
      cell: (row) => (row.agentName ? agentDisplayName(row) : <span className="text-slate-500">{agentDisplayName(row)}</span>),
    },
    { key: 'caller', header: 'Caller', cell: (row) => <span className="tabular">{row.callerNumber ?? '—'}</span> },
    { key: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    { key: 'intent', header: 'Intent', cell: (row) => (row.intent ? humanize(row.intent) : '—'), hideOnMobile: true },
    { key: 'direction', header: 'Direction', cell: (row) => humanize(row.direction), hideOnMobile: true },
    { key: 'duration', header: sortHeader('duration', 'Duration'), cardLabel: 'Duration', align: 'right', cell: (row) => (row.durationSeconds === null ? '—' : formatSeconds(row.durationSeconds)) },
    { key: 'cost', header: sortHeader('cost', 'Cost'), cardLabel: 'Cost', align: 'right', cell: (row) => formatMoney(row.cost) },
    { key: 'sentiment', header: 'Sentiment', cell: (row) => (row.sentiment ? humanize(row.sentiment) : '—'), hideOnMobile: true },
    { key: 'provider', header: 'Provider', cell: (row) => (row.provider ? providerName(row.provider) : '—'), hideOnMobile: true },
  ];

  if (query.isError && !query.data && !stale) {
    return <ErrorState title="Could not load the calls" message={query.error.message} onRetry={() => query.refetch()} retrying={query.isFetching} height={480} />;
  }
  if (!query.data) return <div aria-busy="true" className="h-[480px] animate-pulse rounded-md bg-slate-100" />;

  const { items, nextCursor, total, offset } = query.data;
  const position = total === 0 ? 'No calls' : items.length === 0 ? `None of ${formatCount(total)}` : `${formatCount(offset + 1)}–${formatCount(offset + items.length)} of ${formatCount(total)}`;
  return (
    <div className="flex flex-col gap-3">
      {restarted ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That page of the list no longer exists (the link was for another sort or is out of date), so this is the first page.
        </p>
      ) : null}
      {query.isError && !stale ? <ErrorState title="Could not load this page" message={query.error.message} onRetry={() => query.refetch()} retrying={query.isFetching} /> : null}
      {/* On phones the table becomes cards, whose sort is chosen here. */}
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600 sm:hidden" role="group" aria-label="Sort the calls">
        {SORTS.map((option) => (
          <span key={option.value} className="inline-flex min-h-6 items-center">
            {sortHeader(option.value, option.label)}
          </span>
        ))}
      </div>
      <DataTable
        caption="Calls"
        columns={columns}
        rows={items}
        rowKey={(row) => row.id}
        busy={query.isFetching}
        cardsOnMobile
        empty={<EmptyState title={cursor ? 'No more calls' : 'No calls in this range'} description={cursor ? undefined : 'Try a longer range or fewer filters.'} />}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p data-testid="calls-position" aria-live="polite" className="tabular text-sm text-slate-600">
          {position}
        </p>
        <div className="flex gap-2">
          <button type="button" onClick={goBack} disabled={!cursor} className="min-h-9 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40">
            {history.length > 0 || !cursor ? 'Previous page' : 'First page'}
          </button>
          <button type="button" onClick={() => nextCursor && goNext(nextCursor)} disabled={!nextCursor} className="min-h-9 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40">
            Next page
          </button>
        </div>
      </div>
    </div>
  );
}

const STATUS_TONE: Record<string, string> = {
  completed: 'bg-emerald-50 text-emerald-800',
  failed: 'bg-rose-50 text-rose-800',
  no_answer: 'bg-amber-50 text-amber-800',
  busy: 'bg-amber-50 text-amber-800',
  canceled: 'bg-slate-100 text-slate-700',
};

function StatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE[status] ?? 'bg-sky-50 text-sky-800'}`}>{humanize(status)}</span>;
}
