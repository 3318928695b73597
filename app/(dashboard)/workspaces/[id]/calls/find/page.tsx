import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FindCallForm } from '@/components/dashboard/FindCallForm';
import { workspaceAccess, type SearchParams } from '@/components/dashboard/data';
import { DataTable, EmptyState, PageHeader } from '@/components/ui';
import { formatMoney, formatSeconds, humanize } from '@/lib/charts/format';
import { FIND_LIMIT, findCalls } from '@/lib/calls/find';
import { formatCallInstant } from '@/lib/calls/format';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Find a call' };

/** Find a call by id (opens it) or caller number (lists that number's calls, newest first). */
export default async function FindCallPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const access = await workspaceAccess(id);
  const base = `/workspaces/${access.workspace.id}/calls`;
  const q = typeof query.q === 'string' ? query.q.slice(0, 64) : '';
  const found = q ? await findCalls(await getDb(), { workspaceId: access.workspace.id }, q) : { kind: 'none' as const };
  if (found.kind === 'id') redirect(`${base}/${found.callId}`);
  const tz = access.workspace.timezone;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={base} className="text-brand-700 hover:underline">
          ← All calls
        </Link>
      </nav>
      <PageHeader title="Find a call" subtitle={`By call id or caller number, any date · times in ${tz}`} toolbar={<FindCallForm workspaceId={access.workspace.id} defaultValue={q} />} />
      <section aria-label="Results" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {found.kind === 'caller' && found.items.length > 0 ? (
          <>
            <p className="mb-2 text-sm text-slate-600">
              {found.items.length === FIND_LIMIT ? `The newest ${FIND_LIMIT} calls` : `${found.items.length} ${found.items.length === 1 ? 'call' : 'calls'}`} from numbers containing {found.digits}.
            </p>
            <DataTable
              caption="Calls found"
              rows={found.items}
              rowKey={(row) => row.id}
              columns={[
                {
                  key: 'started',
                  header: 'Started',
                  cell: (row) => (
                    <Link href={`${base}/${row.id}`} className="tabular text-brand-700 hover:underline">
                      <span className="sr-only">Open the call of </span>
                      {formatCallInstant(row.startedAt, tz)}
                    </Link>
                  ),
                },
                { key: 'caller', header: 'Caller', cell: (row) => row.callerNumber ?? '—' },
                { key: 'status', header: 'Status', cell: (row) => humanize(row.status) },
                { key: 'intent', header: 'Intent', cell: (row) => (row.intent ? humanize(row.intent) : '—'), hideOnMobile: true },
                { key: 'duration', header: 'Duration', align: 'right', cell: (row) => (row.durationSeconds === null ? '—' : formatSeconds(row.durationSeconds)) },
                { key: 'cost', header: 'Billed', align: 'right', cell: (row) => formatMoney(row.cost) },
              ]}
            />
          </>
        ) : (
          <EmptyState title={q ? 'No call matches' : 'Type a call id or a caller number'} description={q ? 'A call id must be exact; a number needs at least 3 digits.' : undefined} />
        )}
      </section>
    </>
  );
}
