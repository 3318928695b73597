import type { ReactNode } from 'react';

/** A page's title row: title and subtitle on the left, `actions` (links, downloads) on the right, `toolbar` (range picker, filters) below. */
export function PageHeader({ title, subtitle, actions, toolbar }: { title: string; subtitle?: ReactNode; actions?: ReactNode; toolbar?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {toolbar}
    </div>
  );
}
