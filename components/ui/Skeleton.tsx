/** A grey placeholder block; give it the size of what it stands for, so nothing shifts. */
export function Skeleton({ className = '', style }: { className?: string; style?: React.CSSProperties }) {
  return <div aria-hidden="true" style={style} className={`animate-pulse rounded bg-slate-200/70 ${className}`} />;
}

const BAR_HEIGHTS = [40, 65, 50, 80, 55, 70, 35, 60, 45, 75];

/**
 * Placeholder of a Card whose body is `height` px tall (a chart's height, or a table's),
 * announced as loading. Same border, padding and header height as Card.
 */
export function CardSkeleton({ title, height = 240, className = '' }: { title: string; height?: number; className?: string }) {
  return (
    <section aria-busy="true" aria-label={`${title} (loading)`} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      <div className="mb-3 flex min-h-7 items-center">
        <span className="text-sm font-semibold text-slate-400">{title}</span>
      </div>
      <div style={{ height }} className="flex items-end gap-2 pb-6">
        {BAR_HEIGHTS.map((h, i) => (
          <Skeleton key={i} className="flex-1" style={{ height: `${h}%` }} />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </section>
  );
}

/** Placeholder of a KpiCard: same box, same line heights (`withChange` when the card shows a change line). */
export function KpiSkeleton({ label, withChange = true }: { label: string; withChange?: boolean }) {
  return (
    <div aria-busy="true" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex min-h-5 items-center text-xs font-medium uppercase tracking-wide text-slate-400">{label}</div>
      <Skeleton className="mt-2 h-8 w-24" />
      {withChange ? <Skeleton className="mt-2 h-5 w-32" /> : null}
      <span className="sr-only">Loading {label}…</span>
    </div>
  );
}
