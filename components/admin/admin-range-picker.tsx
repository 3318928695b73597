'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { ADMIN_PERIODS, adminRangeSearch, adminRangeSelection } from '@/lib/admin/range-url';
import { formatMonth } from '@/lib/admin/format';

/**
 * The admin console's calendar range: Last month (default) · This month to date · Last 3
 * months · Last 12 months · Custom months. Revenue is monthly, so ranges are whole local
 * months; the URL holds the choice (lib/admin/range-url).
 */
export function AdminRangePicker({ timeZone }: { timeZone: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const selection = adminRangeSelection(searchParams.toString());
  const [customOpen, setCustomOpen] = useState(selection.kind === 'months');
  const [error, setError] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    if (!from || !to) return setError('Choose both months.');
    if (to < from) return setError('The last month is before the first.');
    setError(null);
    startTransition(() => router.push(`${pathname}${adminRangeSearch(searchParams.toString(), { from, to })}`, { scroll: false }));
  };

  const item = 'inline-flex min-h-6 items-center whitespace-nowrap rounded-md px-2.5 py-1.5 text-xs font-medium';
  const customLabel = selection.kind === 'months' ? (selection.from === selection.to ? formatMonth(selection.from) : `${formatMonth(selection.from)} – ${formatMonth(selection.to)}`) : 'Custom months';
  return (
    <div className="flex flex-col gap-2" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <nav aria-label="Date range" className="flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1">
          {ADMIN_PERIODS.map((option) => {
            const active = selection.kind === 'calendar' && selection.period === option.value;
            return (
              <Link
                key={option.value}
                href={`${pathname}${adminRangeSearch(searchParams.toString(), { period: option.value })}`}
                scroll={false}
                aria-current={active ? 'true' : undefined}
                className={`${item} ${active ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {option.label}
              </Link>
            );
          })}
          <button
            type="button"
            aria-expanded={customOpen}
            onClick={() => setCustomOpen((open) => !open)}
            className={`${item} ${selection.kind === 'months' ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {customLabel}
          </button>
        </nav>
        <p className="text-xs text-slate-500">
          Time zone: <span className="font-medium text-slate-700">{timeZone}</span>
        </p>
      </div>
      {customOpen ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Custom months">
          <label htmlFor={fromId} className="flex flex-col text-xs text-slate-600">
            First month
            <input id={fromId} name="from" type="month" required defaultValue={selection.kind === 'months' ? selection.from : ''} className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" />
          </label>
          <label htmlFor={toId} className="flex flex-col text-xs text-slate-600">
            Last month (inclusive)
            <input id={toId} name="to" type="month" required defaultValue={selection.kind === 'months' ? selection.to : ''} className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" />
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700">
            Apply
          </button>
          {error ? (
            <p role="alert" className="w-full text-xs text-rose-700">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
