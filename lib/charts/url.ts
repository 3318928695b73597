/**
 * The URL is the single source of truth for a dashboard view (STYLE.md §6): range, filters
 * and table state live in the search params, so a copied link reproduces the view. These
 * pure helpers compute the next search string; components only navigate to it.
 */
export const RANGE_PARAMS = ['period', 'from', 'to'] as const;
export const FILTER_PARAMS = ['agentId', 'status', 'direction', 'provider', 'sentiment', 'hour'] as const;
/** Table state: changes of range or filters invalidate the cursor. */
export const TABLE_PARAMS = ['sort', 'order', 'cursor'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export const PERIODS = [
  { value: 'day', label: 'Today' },
  { value: 'week', label: 'Last 7 days' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'year', label: 'Last 12 months' },
] as const;
export type Period = (typeof PERIODS)[number]['value'];

type SearchInput = string | URLSearchParams | Record<string, string | string[] | undefined>;

export function toSearchParams(input: SearchInput): URLSearchParams {
  if (typeof input === 'string' || input instanceof URLSearchParams) return new URLSearchParams(input);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else if (value !== undefined) params.set(key, value);
  }
  return params;
}

/** "?a=1&b=2", or "" when nothing is left. */
function serialize(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Applies `changes` (null deletes) and, unless only table state changed, drops the
 * cursor: page 3 of another filter is not a thing.
 */
export function nextSearch(current: SearchInput, changes: Record<string, string | null>): string {
  const params = toSearchParams(current);
  const keys = Object.keys(changes);
  const onlyTable = keys.every((key) => (TABLE_PARAMS as readonly string[]).includes(key));
  if (!onlyTable) params.delete('cursor');
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  return serialize(params);
}

/** A preset range replaces custom dates, and vice versa; filters stay; the granularity goes back to the range's own. */
export function rangeSearch(current: SearchInput, range: { period: Period } | { from: string; to: string }): string {
  return 'period' in range
    ? nextSearch(current, { period: range.period, from: null, to: null, granularity: null })
    : nextSearch(current, { period: null, from: range.from, to: range.to, granularity: null });
}

/** Range and filters only: what links between dashboard pages carry along. */
export function viewSearch(current: SearchInput, keep: readonly string[] = [...RANGE_PARAMS, ...FILTER_PARAMS]): string {
  const params = toSearchParams(current);
  const kept = new URLSearchParams();
  for (const key of keep) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return serialize(kept);
}

export type RangeSelection = { kind: 'preset'; period: Period } | { kind: 'custom'; from: string; to: string };

/** What the range picker shows as selected; the default (no params) is the last 30 days, as in the API. */
export function currentRange(current: SearchInput): RangeSelection {
  const params = toSearchParams(current);
  const from = params.get('from');
  const to = params.get('to');
  if (from && to) return { kind: 'custom', from, to };
  const period = params.get('period');
  const preset = PERIODS.find((option) => option.value === period);
  return { kind: 'preset', period: preset?.value ?? 'month' };
}

export function rangeLabel(selection: RangeSelection): string {
  if (selection.kind === 'custom') return selection.from === selection.to ? selection.from : `${selection.from} – ${selection.to}`;
  return PERIODS.find((option) => option.value === selection.period)?.label ?? selection.period;
}
