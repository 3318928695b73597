import { useId, type ReactNode } from 'react';
import { Definition } from './Definition';
import type { Explanation } from '@/lib/definitions';

export type CardProps = {
  title: string;
  /** How the figure is computed (METRICS.md wording); shown in a tooltip next to the title. */
  definition?: Explanation;
  /** Controls at the right of the header (a toggle, a link). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** A titled panel; a landmark region named by its title. */
export function Card({ title, definition, actions, children, className = '' }: CardProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      <header className="mb-3 flex min-h-7 items-center justify-between gap-2">
        <h2 className="flex items-center gap-1 text-sm font-semibold text-slate-900">
          {/* The region is named by the title alone, not by the definition button beside it. */}
          <span id={headingId}>{title}</span>
          {definition ? <Definition term={title} text={definition} /> : null}
        </h2>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
