'use client';

import { useId, useState, type ReactNode } from 'react';
import { Definition } from './Definition';
import { EmptyState } from './EmptyState';
import type { Explanation } from '@/lib/definitions';

export type ChartTable = {
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
};

export type ChartFrameProps = {
  title: string;
  /** METRICS.md wording, in a tooltip next to the title. */
  definition?: Explanation;
  /** One sentence describing the chart: its accessible name (lib/charts describePoints). */
  summary: string;
  /** The same figures as a table: visually hidden under the chart, shown by "Show as table". */
  table: ChartTable;
  /** Height of the chart area in px; the table view and the empty state keep it, so nothing shifts. */
  height: number;
  /** Set when there is nothing to draw: replaces chart and toggle, and says why. */
  empty?: { title: string; description?: string } | null;
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * The frame of every chart: a titled region, the chart as an image named by `summary`,
 * and a table fallback (always in the accessibility tree; visible on demand).
 */
export function ChartFrame({ title, definition, summary, table, height, empty, actions, children }: ChartFrameProps) {
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const tableView = (
    // Hidden, the table stays in the accessibility tree; it shows while focus is inside it
    // (its bars can be toggle buttons), so a keyboard user always sees where focus is.
    <div className={asTable ? 'overflow-auto' : 'sr-only focus-within:not-sr-only focus-within:mt-3 focus-within:block'} style={asTable ? { height } : undefined}>
      <table className="w-full text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            {table.columns.map((column, i) => (
              <th key={column} scope="col" className={`py-1.5 pr-3 font-medium ${i > 0 ? 'text-right' : ''}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100 last:border-0">
              {row.cells.map((cell, i) => (
                <td key={i} className={`py-1.5 pr-3 ${i > 0 ? 'tabular text-right' : ''}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="mb-3 flex min-h-7 flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-1 text-sm font-semibold text-slate-900">
          {/* The region is named by the title alone, not by the definition button beside it. */}
          <span id={headingId}>{title}</span>
          {definition ? <Definition term={title} text={definition} /> : null}
        </h2>
        <div className="flex shrink-0 items-center gap-2">
          {actions}
          {empty ? null : (
            <button
              type="button"
              aria-pressed={asTable}
              onClick={() => setAsTable((value) => !value)}
              className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              {asTable ? 'Show as chart' : 'Show as table'}
            </button>
          )}
        </div>
      </header>
      {empty ? (
        <EmptyState title={empty.title} description={empty.description} height={height} />
      ) : (
        <>
          {asTable ? null : (
            <div role="img" aria-label={summary} style={{ height }} className="w-full min-w-0">
              {children}
            </div>
          )}
          {tableView}
        </>
      )}
    </section>
  );
}
