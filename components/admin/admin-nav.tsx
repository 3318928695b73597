'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

const TABS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/providers', label: 'Providers' },
  { href: '/admin/workspaces', label: 'Workspaces' },
  { href: '/admin/billing', label: 'Billing' },
  { href: '/admin/jobs', label: 'Jobs' },
] as const;

/** Range parameters travel between the admin pages; page-specific ones (search, sort) do not. */
const SHARED = ['period', 'from', 'to', 'timeZone'];

export function AdminNav() {
  const pathname = usePathname();
  const params = useSearchParams();
  const shared = new URLSearchParams();
  for (const key of SHARED) {
    const value = params.get(key);
    if (value !== null) shared.set(key, value);
  }
  const query = shared.toString();
  return (
    <nav aria-label="Admin sections" className="-mb-px flex gap-1 overflow-x-auto">
      {TABS.map((tab) => {
        const current = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={query ? `${tab.href}?${query}` : tab.href}
            aria-current={current ? 'page' : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
