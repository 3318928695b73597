'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { PERIODS, currentRange, rangeLabel, rangeSearch } from '@/lib/charts/url';

/**
 * Today · Last 7 days · Last 30 days · Last 12 months · Custom dates. The range lives in
 * the URL (`period`, or `from`/`to` inclusive local dates); changing it keeps the filters
 * and drops the table cursor. The time zone the dates are read in is shown beside it.
 */
export function RangePicker({ timeZone }: { timeZone: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const selection = currentRange(searchParams.toString());
  const [customOpen, setCustomOpen] = useState(selection.kind === 'custom');
  const [error, setError] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    if (!from || !to) return setError('Choose both dates.');
    if (to < from) return setError('The end date is before the start date.');
    setError(null);
    startTransition(() => router.push(`${pathname}${rangeSearch(searchParams.toString(), { from, to })}`, { scroll: false }));
  };

  const item = 'whitespace-nowrap rounded-md px-2.5 py-1.5 text-xs font-medium';
  return (
    <div className="flex flex-col gap-2" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <nav aria-label="Date range" className="flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1">
          {PERIODS.map((option) => {
            const active = selection.kind === 'preset' && selection.period === option.value;
            return (
              <Link
                key={option.value}
                href={`${pathname}${rangeSearch(searchParams.toString(), { period: option.value })}`}
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
            className={`${item} ${selection.kind === 'custom' ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {selection.kind === 'custom' ? rangeLabel(selection) : 'Custom dates'}
          </button>
        </nav>
        <p className="text-xs text-slate-500">
          Time zone: <span className="font-medium text-slate-700">{timeZone}</span>
        </p>
      </div>
      {customOpen ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Custom dates">
          <label htmlFor={fromId} className="flex flex-col text-xs text-slate-600">
            From
            <input id={fromId} name="from" type="date" required defaultValue={selection.kind === 'custom' ? selection.from : ''} className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" />
          </label>
          <label htmlFor={toId} className="flex flex-col text-xs text-slate-600">
            To (inclusive)
            <input id={toId} name="to" type="date" required defaultValue={selection.kind === 'custom' ? selection.to : ''} className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" />
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
