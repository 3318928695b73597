import type { KpiChange } from '@/lib/charts/kpi';
import { Definition } from './Definition';
import type { Explanation } from '@/lib/definitions';

export type KpiCardProps = {
  label: string;
  /** The figure, already formatted for display. */
  value: string;
  /** How it is computed (METRICS.md wording), in a tooltip on hover and keyboard focus. */
  definition: Explanation;
  /** Change vs the previous period (lib/charts/kpi: kpiChange / moneyChange); null shows "no previous data"; leave out for no change line. */
  change?: KpiChange | null;
  /** Visible after the change, e.g. "vs previous 30 days"; defaults to "vs prev. period" (screen readers hear the full wording). */
  changeLabel?: string;
  /** A line under the change, e.g. "$120.00 in draft periods, not final". */
  note?: string;
};

const TONES = { good: 'text-emerald-700 bg-emerald-50', bad: 'text-rose-700 bg-rose-50', neutral: 'text-slate-600 bg-slate-100' } as const;
const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/** One headline figure with its change vs the previous period. */
export function KpiCard({ label, value, definition, change, changeLabel = 'vs prev. period', note }: KpiCardProps) {
  return (
    <div role="group" aria-label={label} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex min-h-5 items-center gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
        <span>{label}</span>
        <Definition term={label} text={definition} />
      </div>
      <p data-kpi-value className="tabular mt-2 min-h-8 break-words text-xl font-semibold leading-8 text-slate-900 sm:text-2xl">
        {value}
      </p>
      {change === undefined ? null : (
      <p className="mt-2 flex min-h-5 min-w-0 flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-slate-500">
        {change === null ? (
          <span>No previous data to compare</span>
        ) : (
          <>
            <span className={`tabular shrink-0 whitespace-nowrap rounded px-1.5 py-0.5 font-medium ${TONES[change.tone]}`}>
              <span aria-hidden="true">{ARROWS[change.direction]} </span>
              {change.text}
            </span>
            <span aria-hidden="true" className="break-words">
              {changeLabel}
            </span>
            <span className="sr-only">({change.description})</span>
          </>
        )}
      </p>
      )}
      {note ? (
        <p data-kpi-note className="mt-1 text-xs text-amber-800">
          {note}
        </p>
      ) : null}
    </div>
  );
}
