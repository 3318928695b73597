import { localDateOf } from '@/lib/analytics/range';

/** "February 2026": the local month a period bills. */
export function periodMonth(periodStart: Date | string, timeZone: string): string {
  const [year, month] = localDateOf(new Date(periodStart), timeZone).split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

export const STATUS_STYLES: Record<string, string> = {
  draft: 'bg-slate-100 text-slate-700',
  finalized: 'bg-amber-50 text-amber-800',
  paid: 'bg-emerald-50 text-emerald-800',
  void: 'bg-rose-50 text-rose-800',
};

export const STATUS_TEXT: Record<string, string> = { draft: 'Draft', finalized: 'Finalized', paid: 'Paid', void: 'Void' };
