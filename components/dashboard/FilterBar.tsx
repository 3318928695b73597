'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId, useTransition, type ReactNode } from 'react';
import { FILTER_PARAMS, nextSearch, type FilterParam } from '@/lib/charts/url';

export type FilterOption = { value: string; label: string };

const STATUS_OPTIONS: FilterOption[] = ['completed', 'failed', 'no_answer', 'busy', 'canceled', 'in_progress', 'ringing', 'queued'].map((value) => ({
  value,
  label: value.charAt(0).toUpperCase() + value.slice(1).replace('_', ' '),
}));
const DIRECTION_OPTIONS: FilterOption[] = [
  { value: 'inbound', label: 'Inbound' },
  { value: 'outbound', label: 'Outbound' },
];
const SENTIMENT_OPTIONS: FilterOption[] = [
  { value: 'positive', label: 'Positive' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'negative', label: 'Negative' },
];

const HOUR_OPTIONS: FilterOption[] = Array.from({ length: 24 }, (_, hour) => {
  const hh = String(hour).padStart(2, '0');
  return { value: String(hour), label: `${hh}:00–${hh}:59` };
});

/**
 * Agent, status, direction, provider and sentiment filters. Each change is a navigation
 * (the filters live in the URL), so every card and the table re-render narrowed.
 */
export function FilterBar({ agents, providers }: { agents: FilterOption[]; providers: FilterOption[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = (param: FilterParam, value: string | null) =>
    startTransition(() => router.push(`${pathname}${nextSearch(searchParams.toString(), { [param]: value })}`, { scroll: false }));
  const active = FILTER_PARAMS.filter((param) => searchParams.get(param));

  return (
    <form
      aria-label="Filters"
      aria-busy={pending}
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <Select label="Agent" param="agentId" options={agents} value={searchParams.get('agentId')} onChange={set} />
      <Select label="Status" param="status" options={STATUS_OPTIONS} value={searchParams.get('status')} onChange={set} />
      <Select label="Direction" param="direction" options={DIRECTION_OPTIONS} value={searchParams.get('direction')} onChange={set} />
      <Select label="Sentiment" param="sentiment" options={SENTIMENT_OPTIONS} value={searchParams.get('sentiment')} onChange={set} />
      <Select label="Local hour" param="hour" options={HOUR_OPTIONS} value={searchParams.get('hour')} onChange={set} />
      <Select label="Voice provider" param="provider" options={providers} value={searchParams.get('provider')} onChange={set} />
      {active.length > 0 ? (
        <button
          type="button"
          onClick={() => startTransition(() => router.push(`${pathname}${nextSearch(searchParams.toString(), Object.fromEntries(FILTER_PARAMS.map((p) => [p, null])))}`, { scroll: false }))}
          className="rounded-md px-2.5 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          Clear filters ({active.length})
        </button>
      ) : null}
      {pending ? <span className="py-1.5 text-xs text-slate-500" role="status">Updating…</span> : null}
    </form>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="mt-0.5">{children(id)}</div>
    </div>
  );
}

function Select({ label, param, options, value, onChange }: { label: string; param: FilterParam; options: FilterOption[]; value: string | null; onChange: (param: FilterParam, value: string | null) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <select
          id={id}
          value={value ?? ''}
          onChange={(event) => onChange(param, event.target.value || null)}
          className="max-w-[12rem] rounded-md border border-slate-300 bg-white py-1.5 pl-2 pr-7 text-sm"
        >
          <option value="">All</option>
          {value && !options.some((option) => option.value === value) ? <option value={value}>{value}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
