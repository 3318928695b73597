'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { Card } from '@/components/ui';
import { exportHref } from '@/components/exports/export-href';
import { monthDates, type PeriodOption } from './periods';

type Props = {
  workspaceId: string;
  months: PeriodOption[];
  quarters: PeriodOption[];
  month: string;
  quarter: string;
  /** The workspace's local date today, where the current month's export stops. */
  today: string;
};

/**
 * Month and quarter pickers with plain download links (STYLE.md §8): the browser fetches
 * each file from the report route, which sets Content-Disposition. The chosen periods are
 * kept in the URL so a link reproduces the page.
 */
export function ReportPickers({ workspaceId, months, quarters, month: initialMonth, quarter: initialQuarter, today }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [month, setMonth] = useState(initialMonth);
  const [quarter, setQuarter] = useState(initialQuarter);
  const remember = (next: { month: string; quarter: string }) => router.replace(`${pathname}?month=${next.month}&quarter=${next.quarter}`, { scroll: false });
  const base = `/api/workspaces/${encodeURIComponent(workspaceId)}/reports`;
  const { first, last } = monthDates(month, today);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Monthly report">
        <p className="mb-3 text-sm text-slate-600">
          Calls, minutes, success, sentiment and cost of one calendar month in the workspace’s time zone, with the agent leaderboard, the billing period and
          usage by provider.
        </p>
        <PeriodSelect
          label="Month"
          options={months}
          value={month}
          onChange={(value) => {
            setMonth(value);
            remember({ month: value, quarter });
          }}
        />
        <div className="flex flex-wrap gap-2">
          <DownloadLink href={`${base}/monthly?month=${month}&format=pdf`} label="Download PDF" primary />
          <DownloadLink href={`${base}/monthly?month=${month}&format=json`} label="Download JSON" />
        </div>
        <p className="mt-4 text-xs text-slate-500">Every call of the month, one row each:</p>
        <div className="mt-1 flex flex-wrap gap-2">
          <DownloadLink href={exportHref(workspaceId, `from=${first}&to=${last}`, 'csv')} label="Calls CSV" small />
          <DownloadLink href={exportHref(workspaceId, `from=${first}&to=${last}`, 'json')} label="Calls JSON" small />
        </div>
      </Card>
      <Card title="Executive summary">
        <p className="mb-3 text-sm text-slate-600">
          A readable quarter: key metrics, call and agent performance, sentiment, cost by provider and the five busiest local hours.
        </p>
        <PeriodSelect
          label="Quarter"
          options={quarters}
          value={quarter}
          onChange={(value) => {
            setQuarter(value);
            remember({ month, quarter: value });
          }}
        />
        <div className="flex flex-wrap gap-2">
          <DownloadLink href={`${base}/executive?quarter=${quarter}&format=pdf`} label="Download PDF" primary />
          <DownloadLink href={`${base}/executive?quarter=${quarter}&format=md`} label="Download Markdown" />
        </div>
      </Card>
    </div>
  );
}

function PeriodSelect({ label, options, value, onChange }: { label: string; options: PeriodOption[]; value: string; onChange: (value: string) => void }) {
  return (
    <label className="mb-3 block text-sm font-medium text-slate-700">
      {label}
      <select className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function DownloadLink({ href, label, primary = false, small = false }: { href: string; label: string; primary?: boolean; small?: boolean }) {
  const tone = primary ? 'border-brand-600 bg-brand-600 text-white hover:bg-brand-700' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50';
  return (
    <a
      href={href}
      download
      className={`inline-flex items-center rounded-md border font-medium shadow-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${tone} ${small ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-sm'}`}
    >
      {label}
    </a>
  );
}
