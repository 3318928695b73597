'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { RANGE_PARAMS, viewSearch } from '@/lib/charts/url';

const ITEMS = [
  { label: 'Overview', path: '' },
  { label: 'Calls', path: '/calls' },
  { label: 'Agents', path: '/agents' },
  { label: 'Reports', path: '/reports' },
  { label: 'Billing', path: '/billing' },
  { label: 'Settings', path: '/settings' },
] as const;

/** Pages with their own periods or none: links to them carry no range and are not prefetched. */
const NO_RANGE = new Set<string>(['/reports', '/billing', '/settings']);

/**
 * Overview · Calls · Agents · Reports · Billing (· Settings for owners and workspace admins).
 * Links carry the range along (not filters or table state), except to Reports, Billing and Settings.
 */
export function WorkspaceNav({ workspaceId, showSettings }: { workspaceId: string; showSettings: boolean }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const base = `/workspaces/${workspaceId}`;
  const range = viewSearch(searchParams.toString(), RANGE_PARAMS);
  return (
    <nav aria-label="Workspace" className="-mb-px flex gap-1 overflow-x-auto">
      {ITEMS.filter((item) => showSettings || item.path !== '/settings').map((item) => {
        const href = base + item.path;
        const active = item.path === '' ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={item.label}
            href={NO_RANGE.has(item.path) ? href : href + range}
            prefetch={NO_RANGE.has(item.path) ? false : undefined}
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
