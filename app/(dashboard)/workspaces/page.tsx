import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EmptyState } from '@/components/ui';
import { listAccessibleWorkspaces } from '@/lib/auth';
import { requireCaller } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Workspaces' };

/** One workspace: straight to its overview. Several (or a platform admin): a list to choose from. */
export default async function WorkspacesPage() {
  const caller = await requireCaller('/workspaces');
  const workspaces = await listAccessibleWorkspaces(await getDb(), caller);
  if (workspaces.length === 1) redirect(`/workspaces/${workspaces[0]!.id}`);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <div className="mb-6 flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your workspaces</h1>
        <div className="flex items-center gap-2 text-sm">
          {caller.isPlatformAdmin ? (
            <Link href="/admin" prefetch={false} className="rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-brand-50">
              Admin
            </Link>
          ) : null}
          <Link href="/logout" prefetch={false} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
            Sign out
          </Link>
        </div>
      </div>
      {workspaces.length === 0 ? (
        <EmptyState title="You are not a member of any workspace" description="Ask a workspace owner to invite you." />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link href={`/workspaces/${workspace.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
                <span className="block font-medium text-slate-900">{workspace.name}</span>
                <span className="mt-1 block text-xs text-slate-500">
                  {workspace.role ?? 'platform admin'} · {workspace.timezone} · {workspace.status.replace('_', ' ')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
