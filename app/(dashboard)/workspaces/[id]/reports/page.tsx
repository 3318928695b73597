import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui';
import { workspaceAccess, type SearchParams } from '@/components/dashboard/data';
import { ReportPickers } from '@/components/reports/ReportPickers';
import { monthOptions, quarterOptions } from '@/components/reports/periods';
import { currentDate, currentMonth, previousMonth, previousQuarter, quarterOf } from '@/lib/reports/period';

export const metadata: Metadata = { title: 'Reports' };

/** Months and quarters offered: two years back, up to the current (partial) one. */
const MONTHS_BACK = 24;
const QUARTERS_BACK = 8;

/** Monthly reports and executive summaries to download; the last complete month and quarter are preselected. */
export default async function ReportsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const access = await workspaceAccess(id);
  const query = await searchParams;
  const timeZone = access.workspace.timezone;
  const now = new Date();
  const thisMonth = currentMonth(timeZone, now);
  const months = monthOptions(thisMonth, MONTHS_BACK);
  const quarters = quarterOptions(thisMonth, QUARTERS_BACK);
  const pick = (value: unknown, options: { value: string }[], fallback: string) =>
    typeof value === 'string' && options.some((option) => option.value === value) ? value : fallback;
  return (
    <>
      <PageHeader title="Reports" subtitle={`Calendar periods in ${timeZone}. Files download directly; figures match the dashboard for the same period. The current month and quarter are reported to date.`} />
      <ReportPickers
        workspaceId={access.workspace.id}
        months={months}
        quarters={quarters}
        month={pick(query.month, months, previousMonth(thisMonth))}
        quarter={pick(query.quarter, quarters, previousQuarter(quarterOf(thisMonth)))}
        today={currentDate(timeZone, now)}
      />
    </>
  );
}
