'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { RANGE_PARAMS, viewSearch } from '@/lib/charts/url';

const ITEMS = [
  { label: 'Overview', path: '' },
  { label: 'Calls', path: '/calls' },
  { label: 'Agents', path: '/agents' },
  { label: 'Reports', path: '/reports' },
] as const;

/** Overview · Calls · Agents · Reports. Links carry the range along (not filters or table state), except to Reports, which has its own periods. */
export function WorkspaceNav({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const base = `/workspaces/${workspaceId}`;
  const range = viewSearch(searchParams.toString(), RANGE_PARAMS);
  return (
    <nav aria-label="Workspace" className="-mb-px flex gap-1 overflow-x-auto">
      {ITEMS.map((item) => {
        const href = base + item.path;
        const active = item.path === '' ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={item.label}
            href={item.path === '/reports' ? href : href + range}
            // Reports is another engineer's page and may not exist in every build; no prefetch 404s.
            prefetch={item.path === '/reports' ? false : undefined}
            aria-current={active ? 'page' : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium ${active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
