import Link from 'next/link';

type Props = {
  page: number;
  pageCount: number;
  total: number;
  /** Rows on this page. */
  pageSize: number;
  perPage: number;
  baseHref: string;
  /** The filters each page link keeps. */
  params: URLSearchParams;
  noun: string;
};

/** "51–100 of 240 billing periods" with previous / next links that keep the filters. */
export function Pager({ page, pageCount, total, pageSize, perPage, baseHref, params, noun }: Props) {
  if (total === 0) return null;
  const href = (target: number) => {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    const query = next.toString();
    return query ? `${baseHref}?${query}` : baseHref;
  };
  const first = (page - 1) * perPage + 1;
  const link = 'inline-flex min-h-6 items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';
  return (
    <nav aria-label={`Pages of ${noun}`} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <p aria-live="polite">
        {pageSize > 0 ? `${first.toLocaleString('en-US')}–${(first + pageSize - 1).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun}` : `Page ${page} is past the last (${pageCount})`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(Math.min(page - 1, pageCount))} rel="prev">Previous</Link> : null}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">Next</Link> : null}
      </div>
    </nav>
  );
}
