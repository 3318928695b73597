import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { getCaller } from '@/lib/auth/server';

export const metadata: Metadata = { title: { default: 'Platform admin', template: '%s · Platform admin · VoiceDash' }, robots: { index: false } };

/**
 * The admin console's frame. Each page checks the platform-admin role itself (so that a
 * refusal renders app/admin/forbidden.tsx with status 403); the section tabs are only
 * drawn for admins.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const caller = await getCaller();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 sm:px-6">
          <div className="flex items-center justify-between gap-4 pt-3">
            <Link href="/admin" className="inline-flex min-h-6 items-center gap-1 rounded text-sm font-semibold text-slate-900">
              {/* One line at 390 px: the long words only from sm up. */}
              VoiceDash <span className="font-normal text-slate-500">· <span className="hidden sm:inline">Platform </span>admin</span>
            </Link>
            <Link href="/workspaces" className="inline-flex min-h-6 items-center rounded text-sm text-brand-700 hover:underline">
              <span className="hidden sm:inline">Workspaces dashboard</span>
              <span className="sm:hidden">Dashboard</span>
            </Link>
          </div>
          {caller?.isPlatformAdmin ? (
            <Suspense fallback={<div className="h-10" />}>
              <AdminNav />
            </Suspense>
          ) : (
            <div className="h-3" />
          )}
        </div>
      </header>
      {/* The page itself never scrolls sideways (definition tooltips open as a banner on phones). */}
      <main id="main" className="relative mx-auto max-w-7xl overflow-x-clip px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
