'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

const TABS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/providers', label: 'Providers' },
  { href: '/admin/workspaces', label: 'Workspaces' },
  { href: '/admin/mrr', label: 'MRR' },
  { href: '/admin/billing', label: 'Billing' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/alerts', label: 'Alerts' },
] as const;

/** Range parameters travel between the admin pages; page-specific ones (search, sort) do not. */
const SHARED = ['period', 'from', 'to', 'timeZone'];

export function AdminNav() {
  const pathname = usePathname();
  const params = useSearchParams();
  const shared = new URLSearchParams();
  for (const key of SHARED) {
    const value = params.get(key);
    // Dates and months (YYYY-MM) both travel: every admin range page takes custom months.
    if (value !== null && !((key === 'from' || key === 'to') && !/^\d{4}-\d{2}(-\d{2})?$/.test(value))) shared.set(key, value);
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
