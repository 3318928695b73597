import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AppHeader } from '@/components/layout/AppHeader';
import { EmptyState, ErrorState } from '@/components/ui';
import { parseQuery, type QueryInput } from '@/lib/api';
import { requireCaller } from '@/lib/auth/server';
import { formatCount, formatMoney } from '@/lib/charts/format';
import { getDb } from '@/lib/db';
import { collationLocale, listWorkspaceCards, workspaceListQuerySchema } from '@/lib/workspaces/directory';

export const metadata: Metadata = { title: 'Workspaces' };

/**
 * One workspace: straight to its overview. Several (or a platform admin): a list to choose
 * from, with this month's calls and spend, a name search, sorted in the reader's collation.
 */
export default async function WorkspacesPage({ searchParams }: { searchParams: Promise<QueryInput> }) {
  const caller = await requireCaller('/workspaces');
  const parsed = parseQuery(workspaceListQuerySchema, await searchParams);
  const q = parsed.ok ? parsed.data.q : '';
  const locale = collationLocale((await headers()).get('accept-language'));
  const { all, cards } = await listWorkspaceCards(await getDb(), caller, { q, locale, now: new Date() });
  if (all === 1 && !q && parsed.ok) redirect(`/workspaces/${cards[0]!.id}`);
  return (
    <div className="min-h-screen">
      <AppHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">Your workspaces</h1>
        {all > 1 ? (
          <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Search workspaces">
            <div className="flex min-w-0 flex-1 flex-col">
              <label htmlFor="workspace-q" className="text-xs font-medium text-slate-600">Workspace name</label>
              <input id="workspace-q" name="q" type="search" defaultValue={q} maxLength={100} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
            </div>
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Search</button>
            {q ? <Link href="/workspaces" className="inline-flex min-h-6 items-center text-sm text-brand-700 hover:underline">Clear</Link> : null}
          </form>
        ) : null}
        {!parsed.ok ? <div className="mb-4"><ErrorState title="This search cannot be used" message={parsed.message} /></div> : null}
        {all === 0 ? (
          <EmptyState title="You are not a member of any workspace" description="Ask a workspace owner to invite you." />
        ) : cards.length === 0 ? (
          <EmptyState title="No workspace matches" description={`No workspace name contains “${q}”.`} />
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600" aria-live="polite">
              {q ? `${formatCount(cards.length)} of ${formatCount(all)} workspaces` : `${formatCount(all)} workspaces`} · calls and spend this month to date, in each workspace’s time zone
            </p>
            <ul className="grid gap-3 sm:grid-cols-2" aria-label="Workspaces">
              {cards.map((workspace) => (
                <li key={workspace.id}>
                  <Link href={`/workspaces/${workspace.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
                    <span className="block break-words font-medium text-slate-900">{workspace.name}</span>
                    <span className="mt-1 block text-xs text-slate-500">
                      {workspace.role ?? 'platform admin'} · {workspace.timezone} · {workspace.status.replace('_', ' ')}
                    </span>
                    <span className="tabular mt-2 flex gap-4 text-sm text-slate-700">
                      <span>{formatCount(workspace.month.calls)} calls</span>
                      <span>{formatMoney(workspace.month.spend)} spend</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </div>
  );
}
