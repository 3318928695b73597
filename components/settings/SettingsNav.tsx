'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The Settings menu: a vertical list on wide screens, a scrollable row on phones. */
export function SettingsNav({ base, sections }: { base: string; sections: { slug: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-1 overflow-x-auto md:w-48 md:shrink-0 md:flex-col">
      {sections.map((section) => {
        const href = `${base}/${section.slug}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={section.slug}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
