import { exportHref } from './export-href';

/**
 * "Download CSV" / "Download JSON" of exactly the current view: plain links to the export
 * route carrying the view's range and filters (STYLE.md §8), so the browser downloads the
 * streamed file itself and nothing is held in the page. `search` is the view's query
 * string ("?period=week&status=failed" or ""); anything but range and filters is dropped.
 */
export function ExportLinks({ workspaceId, search, label = 'calls' }: { workspaceId: string; search: string; label?: string }) {
  return (
    <div className="flex items-center gap-2" role="group" aria-label={`Download ${label}`}>
      {(['csv', 'json'] as const).map((format) => (
        <a
          key={format}
          href={exportHref(workspaceId, search, format)}
          download
          className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
            <path d="M8 2v8m0 0L5 7m3 3 3-3M3 12.5h10" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Download {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
