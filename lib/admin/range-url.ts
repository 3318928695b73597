// From range.ts itself, not the analytics index: this runs in the browser too (no database code).
import { CALENDAR_PRESETS, type CalendarPreset } from '@/lib/analytics/range';
import { toSearchParams } from '@/lib/charts/url';

/**
 * The admin console's range in the URL (lib/api/params adminRangeQuerySchema): a calendar
 * preset (`period=last_month`, the default) or custom months (`from=YYYY-MM&to=YYYY-MM`).
 * Older links with rolling presets or dates still resolve; the picker shows them as custom.
 */
export const ADMIN_PERIODS: readonly { value: CalendarPreset; label: string }[] = [
  { value: 'last_month', label: 'Last month' },
  { value: 'this_month', label: 'This month to date' },
  { value: 'last_3_months', label: 'Last 3 months' },
  { value: 'last_12_months', label: 'Last 12 months' },
];

export type AdminRangeSelection =
  | { kind: 'calendar'; period: CalendarPreset }
  | { kind: 'months'; from: string; to: string }
  /** A rolling preset or custom dates from an older link. */
  | { kind: 'other' };

type SearchInput = Parameters<typeof toSearchParams>[0];

export function adminRangeSelection(current: SearchInput): AdminRangeSelection {
  const params = toSearchParams(current);
  const from = params.get('from');
  const to = params.get('to');
  if (from && to) return from.length === 7 && to.length === 7 ? { kind: 'months', from, to } : { kind: 'other' };
  const period = params.get('period');
  if (period === null) return { kind: 'calendar', period: 'last_month' };
  return (CALENDAR_PRESETS as readonly string[]).includes(period) ? { kind: 'calendar', period: period as CalendarPreset } : { kind: 'other' };
}

/** The search string for a range choice: keeps the zone and other params, replaces the range. */
export function adminRangeSearch(current: SearchInput, choice: { period: CalendarPreset } | { from: string; to: string }): string {
  const params = toSearchParams(current);
  for (const key of ['period', 'from', 'to', 'cursor']) params.delete(key);
  if ('period' in choice) {
    // The default needs no parameter, so /admin and /admin?period=last_month are one view.
    if (choice.period !== 'last_month') params.set('period', choice.period);
  } else {
    params.set('from', choice.from);
    params.set('to', choice.to);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
