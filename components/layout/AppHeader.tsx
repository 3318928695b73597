import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCaller } from '@/lib/auth/server';

/**
 * The header of pages outside a workspace (the workspace list, 403 and 404): the product
 * link, Admin for platform admins, and Sign out, on one line at 390 px. Signed-out
 * visitors (a mistyped address) get the product link only.
 */
export async function AppHeader({ children }: { children?: ReactNode }) {
  const caller = await getCaller();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-x-2 px-4 py-3 sm:gap-x-4">
        <Link href="/workspaces" className="inline-flex min-h-6 shrink-0 items-center text-sm font-bold tracking-tight text-brand-700">
          VoiceDash
        </Link>
        {children}
        {caller ? (
          <div className="ml-auto flex shrink-0 items-center gap-1 whitespace-nowrap text-sm sm:gap-3">
            {caller.isPlatformAdmin ? (
              <Link href="/admin" prefetch={false} className="rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-brand-50">
                Admin
              </Link>
            ) : null}
            <span className="hidden max-w-[16rem] truncate text-slate-500 md:inline">{caller.email}</span>
            <Link href="/logout" prefetch={false} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              Sign out
            </Link>
          </div>
        ) : null}
      </div>
    </header>
  );
}
