import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { PageHeader, RangePicker } from '@/components/ui';
import { localDateOf, type TimeRange } from '@/lib/analytics';
import { formatLocalDate } from '@/lib/charts/format';
import type { View } from './data';

/** "Mar 5, 2025 – Apr 4, 2025": the local dates the resolved range covers. */
function rangeDates(range: TimeRange): string {
  const first = localDateOf(range.from, range.timeZone);
  const last = localDateOf(new Date(Math.max(range.from.getTime(), range.to.getTime() - 1)), range.timeZone);
  return first === last ? formatLocalDate(first, true) : `${formatLocalDate(first, true)} – ${formatLocalDate(last, true)}`;
}

/** Title, range picker with the workspace time zone, the dates covered, and a notice when the link had a bad parameter. */
export function ViewHeader({ title, view, range, pathname, actions, children }: { title: string; view: View; range: TimeRange; pathname: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <PageHeader
      title={title}
      subtitle={<span className="tabular">{rangeDates(range)}</span>}
      actions={actions}
      toolbar={
        <>
          <Suspense fallback={<div className="h-[38px]" />}>
            <RangePicker timeZone={range.timeZone} />
          </Suspense>
          {view.problem ? (
            <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              This link has a parameter we could not use ({view.problem}); {view.keptRange ? 'it was left out' : 'showing the last 30 days instead'}.{' '}
              <Link href={pathname} className="font-medium underline">
                Reset the view
              </Link>
            </p>
          ) : null}
          {children}
        </>
      }
    />
  );
}
