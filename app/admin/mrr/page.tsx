import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CardSkeleton, ErrorBoundary, PageHeader } from '@/components/ui';
import { MrrContent } from '@/components/admin/mrr-sections';
import { MrrMonthsForm } from '@/components/admin/mrr-months-form';
import { RangeError } from '@/components/admin/range-error';
import { MOVEMENT_TYPES, defaultMonths, getMrrReport, type MovementType } from '@/lib/analytics/subscriptions';
import { mrrQuerySchema } from '@/lib/admin/mrr-query';
import { formatMonth } from '@/lib/admin/format';
import { parseQuery, type QueryInput } from '@/lib/api';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'MRR' };

/** The range links of the other admin pages carry local dates; here they name their months. */
function monthParams(params: QueryInput): QueryInput {
  const out: QueryInput = { ...params };
  for (const key of ['from', 'to'] as const) {
    const value = params[key];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = value.slice(0, 7);
  }
  return out;
}

export default async function AdminMrrPage({ searchParams }: { searchParams: Promise<QueryInput> }) {
  await requirePlatformAdmin('/admin/mrr');
  const params = monthParams(await searchParams);
  const parsed = parseQuery(mrrQuerySchema, params);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="MRR and churn" />
        <RangeError message={parsed.message} resetHref="/admin/mrr" />
      </>
    );
  }
  const { timeZone } = parsed.data;
  const months = parsed.data.from && parsed.data.to ? { from: parsed.data.from, to: parsed.data.to } : defaultMonths(12, timeZone, new Date());
  const query = new URLSearchParams({ from: months.from, to: months.to, ...(timeZone !== 'UTC' ? { timeZone } : {}) }).toString();
  const drillMatch = typeof params.drill === 'string' ? /^(\d{4}-\d{2}):(\w+)$/.exec(params.drill) : null;
  const drill = drillMatch && (MOVEMENT_TYPES as readonly string[]).includes(drillMatch[2]!) ? { month: drillMatch[1]!, type: drillMatch[2] as MovementType } : null;
  const report = getDb().then((db) => getMrrReport(db, { ...months, timeZone }));
  report.catch(() => {});
  return (
    <>
      <PageHeader
        title="MRR and churn"
        subtitle={<span data-testid="range-label">{`${formatMonth(months.from)} – ${formatMonth(months.to)} · ${timeZone}`}</span>}
        toolbar={<MrrMonthsForm from={months.from} to={months.to} timeZone={timeZone} />}
      />
      <ErrorBoundary title="MRR">
        <Suspense
          fallback={
            <div className="space-y-6">
              <CardSkeleton title="MRR and movements" height={300} />
              <CardSkeleton title="MRR movements by month" height={300} />
            </div>
          }
        >
          <MrrContent report={report} query={query} drill={drill} />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
