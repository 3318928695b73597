import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { FiringBadge } from '@/components/alerts/FiringBadge';
import { WorkspaceNav } from '@/components/dashboard/WorkspaceNav';
import { WorkspaceSwitcher } from '@/components/dashboard/WorkspaceSwitcher';
import { workspaceAccess } from '@/components/dashboard/data';
import { SETTINGS_MIN_ROLE } from '@/components/settings/sections';
import { allows, listAccessibleWorkspaces } from '@/lib/auth';
import { getDb } from '@/lib/db';

/** The workspace shell: switcher, Overview · Calls · Agents · Reports, admin link, sign-out. Signed-in members only. */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await workspaceAccess(id);
  const workspaces = await listAccessibleWorkspaces(await getDb(), access.caller);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        {/* One line at 390 px: the switcher takes what is left and truncates; the links never wrap. */}
        <div className="mx-auto flex max-w-7xl items-center gap-x-2 px-4 pt-3 sm:gap-x-4">
          <Link href="/workspaces" className="inline-flex min-h-6 shrink-0 items-center text-sm font-bold tracking-tight text-brand-700">
            VoiceDash
          </Link>
          <div className="flex min-w-0 flex-1 sm:flex-none">
            <WorkspaceSwitcher currentId={access.workspace.id} workspaces={workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role }))} />
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-1 whitespace-nowrap text-sm sm:gap-3">
            <Suspense fallback={null}>
              <FiringBadge workspaceId={access.workspace.id} />
            </Suspense>
            {access.caller.isPlatformAdmin ? (
              <Link href="/admin" prefetch={false} className="rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-brand-50">
                Admin
              </Link>
            ) : null}
            <span className="hidden max-w-[16rem] truncate text-slate-500 md:inline">{access.caller.email}</span>
            <Link href="/logout" prefetch={false} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              Sign out
            </Link>
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4">
          <Suspense fallback={<div className="h-[42px]" />}>
            <WorkspaceNav workspaceId={access.workspace.id} showSettings={allows(access, SETTINGS_MIN_ROLE)} />
          </Suspense>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
