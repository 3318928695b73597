import type { ReactNode } from 'react';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers are right-aligned with tabular digits. */
  align?: 'left' | 'right';
  /** Hidden below the `sm` breakpoint (390 px phones) to keep the key columns readable. */
  hideOnMobile?: boolean;
  /** Long text that may wrap (e.g. a description), so that a narrow screen keeps the other columns in view. */
  wrap?: boolean;
  /** The field's name in the phone card layout, when `header` is not plain text (a sort button). */
  cardLabel?: string;
};

export type DataTableProps<T> = {
  /** The table's accessible name (a visually hidden caption unless `showCaption`). */
  caption: string;
  showCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows (e.g. an EmptyState). */
  empty?: ReactNode;
  /** Dims the rows while new ones load, without moving anything. */
  busy?: boolean;
  /**
   * Below `sm` (390 px phones), show each row as a stacked card (first column as its
   * title, every other column as a labelled field) instead of a table that scrolls sideways.
   */
  cardsOnMobile?: boolean;
};

/** A plain, horizontally scrollable table; works in server and client components. */
export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey, empty, busy = false, cardsOnMobile = false }: DataTableProps<T>) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  const hide = (column: Column<T>) => (column.hideOnMobile && !cardsOnMobile ? 'hidden sm:table-cell' : '');
  const space = (column: Column<T>) => (column.wrap ? 'whitespace-normal' : 'whitespace-nowrap');
  // A table whose columns all keep to one line is as wide as its content (and scrolls); one
  // with a wrapping column fits its container instead.
  const width = columns.some((c) => c.wrap) ? '' : 'min-w-max';
  const table = (
    // Focusable and named, so a keyboard user can scroll a table wider than the screen (axe scrollable-region-focusable).
    <div className={`-mx-4 overflow-x-auto px-4 ${cardsOnMobile ? 'hidden sm:block' : ''}`} tabIndex={0} role="region" aria-label={`${caption}, scrollable table`}>
      <table aria-busy={busy} className={`w-full ${width} text-sm ${busy ? 'opacity-60' : ''}`}>
        <caption className={showCaption ? 'mb-2 text-left text-sm font-semibold text-slate-900' : 'sr-only'}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`${space(column)} px-2 py-2 font-medium first:pl-0 ${column.align === 'right' ? 'text-right' : ''} ${hide(column)}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
              {columns.map((column) => (
                <td key={column.key} className={`${space(column)} px-2 py-2 first:pl-0 ${column.align === 'right' ? 'tabular text-right' : ''} ${hide(column)}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!cardsOnMobile) return table;
  const [title, ...fields] = columns;
  const label = (column: Column<T>) => column.cardLabel ?? (typeof column.header === 'string' ? column.header : column.key);
  return (
    <>
      {table}
      <ul aria-label={caption} aria-busy={busy} className={`flex flex-col gap-2 sm:hidden ${busy ? 'opacity-60' : ''}`}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="rounded-md border border-slate-200 p-3">
            {title ? <div className="mb-1 text-sm font-medium">{title.cell(row)}</div> : null}
            <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {fields.map((column) => (
                <div key={column.key} className="min-w-0">
                  <dt className="text-xs text-slate-500">{label(column)}</dt>
                  <dd className={`break-words ${column.align === 'right' ? 'tabular' : ''}`}>{column.cell(row)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
