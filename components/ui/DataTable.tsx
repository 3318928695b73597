import type { ReactNode } from 'react';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers are right-aligned with tabular digits. */
  align?: 'left' | 'right';
  /** Hidden below the `sm` breakpoint (390 px phones) in a table that does not stack (`stack={false}`). */
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
  /**
   * Below `sm`, the same table is drawn as stacked cards by CSS alone (default): each row
   * a card, the first cell its title, every other cell a line "label … value". One DOM,
   * so the table's semantics and every test locator stay; nothing scrolls sideways.
   * `false` keeps a scrolling table (columns marked `hideOnMobile` hidden).
   */
  stack?: boolean;
};

/**
 * The stacked layout below `sm`: rows become bordered cards, the header row is kept for
 * screen readers only, and each cell shows its column's name (from `data-label`) before
 * its value (an empty cell is left out). Values wrap, so a long name never widens the page.
 */
const STACKED = {
  table: 'max-sm:block max-sm:min-w-0',
  head: 'max-sm:sr-only',
  body: 'max-sm:flex max-sm:flex-col max-sm:gap-2',
  row: 'max-sm:block max-sm:rounded-md max-sm:border max-sm:last:border max-sm:border-slate-200 max-sm:p-3',
  title: 'max-sm:block max-sm:whitespace-normal max-sm:break-words max-sm:p-0 max-sm:pb-1 max-sm:text-left max-sm:font-medium',
  cell:
    'max-sm:flex max-sm:empty:hidden max-sm:items-baseline max-sm:justify-between max-sm:gap-3 max-sm:whitespace-normal max-sm:break-words max-sm:px-0 max-sm:py-0.5 max-sm:text-right ' +
    'max-sm:before:shrink-0 max-sm:before:text-left max-sm:before:text-xs max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]',
};

/** A plain table (stacked cards on phones, or horizontally scrollable); works in server and client components. */
export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey, empty, busy = false, cardsOnMobile = false, stack = !cardsOnMobile }: DataTableProps<T>) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  const hide = (column: Column<T>) => (column.hideOnMobile && !cardsOnMobile && !stack ? 'hidden sm:table-cell' : '');
  const space = (column: Column<T>) => (column.wrap ? 'whitespace-normal' : 'whitespace-nowrap');
  const label = (column: Column<T>) => column.cardLabel ?? (typeof column.header === 'string' ? column.header : column.key);
  // A table whose columns all keep to one line is as wide as its content (and scrolls); one
  // with a wrapping column fits its container instead.
  const width = columns.some((c) => c.wrap) ? '' : 'min-w-max';
  const stacked = stack ? STACKED : { table: '', head: '', body: '', row: '', title: '', cell: '' };
  const table = (
    // Focusable and named, so a keyboard user can scroll a table wider than the screen (axe scrollable-region-focusable).
    <div className={`-mx-4 overflow-x-auto px-4 ${cardsOnMobile ? 'hidden sm:block' : ''}`} tabIndex={0} role="region" aria-label={`${caption}, scrollable table`}>
      <table aria-busy={busy} className={`w-full ${width} text-sm ${busy ? 'opacity-60' : ''} ${stacked.table}`}>
        <caption className={showCaption ? 'mb-2 text-left text-sm font-semibold text-slate-900' : 'sr-only'}>{caption}</caption>
        <thead className={stacked.head}>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`${space(column)} px-2 py-2 font-medium first:pl-0 ${column.align === 'right' ? 'text-right' : ''} ${hide(column)}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={`border-b border-slate-100 last:border-0 hover:bg-slate-50 ${stacked.row}`}>
              {columns.map((column, index) => (
                <td
                  key={column.key}
                  data-label={stack && index > 0 ? label(column) : undefined}
                  className={`${space(column)} px-2 py-2 first:pl-0 ${column.align === 'right' ? 'tabular text-right' : ''} ${hide(column)} ${index === 0 ? stacked.title : stacked.cell}`}
                >
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
