import { z } from 'zod';
import { CALENDAR_PRESETS, CALL_DIRECTIONS, CALL_STATUSES, RANGE_PRESETS, SENTIMENTS, isValidTimeZone, type CallFilters, type RangePreset, type RangeSpec } from '@/lib/analytics';
import { decodeCallCursor, CALL_SORTS, SORT_ORDERS, type CallCursor, type CallSort, type SortOrder } from '@/lib/calls/cursor';
import { once } from './query';

/**
 * Query-string schemas shared by route handlers, pages (searchParams) and exports.
 * Each parses a QueryInput (query.ts) and yields the typed arguments of lib/analytics.
 * Unknown parameters are ignored; a known one that is malformed or repeated is an issue
 * whose path names it.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const localDate = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
const listOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const uuid = z.guid('must be a UUID');

/** `period=day|week|month|year` or `from=YYYY-MM-DD&to=YYYY-MM-DD` (inclusive local dates); default month. */
export const rangeShape = {
  period: once(z.enum(RANGE_PRESETS, listOf(RANGE_PRESETS))).optional(),
  from: once(localDate).optional(),
  to: once(localDate).optional(),
};

export const callFilterShape = {
  agentId: once(uuid).optional(),
  status: once(z.enum(CALL_STATUSES, listOf(CALL_STATUSES))).optional(),
  direction: once(z.enum(CALL_DIRECTIONS, listOf(CALL_DIRECTIONS))).optional(),
  provider: once(
    z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      // PostgreSQL text cannot hold NUL; control characters are never a provider name.
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
  ).optional(),
  sentiment: once(z.enum(SENTIMENTS, listOf(SENTIMENTS))).optional(),
  /** Local hour 0–23 of the call's start, in the workspace's time zone. */
  hour: once(
    z
      .string()
      .regex(/^\d{1,2}$/, 'must be an integer from 0 to 23')
      .transform(Number)
      .refine((n) => n <= 23, 'must be an integer from 0 to 23'),
  ).optional(),
};

type RangeFields = { period?: RangePreset; from?: string; to?: string };

function checkRange(value: RangeFields, ctx: z.core.$RefinementCtx): void {
  if (value.period !== undefined && (value.from !== undefined || value.to !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'cannot be combined with from/to' });
  } else if (value.from !== undefined && value.to === undefined) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required together with from' });
  } else if (value.to !== undefined && value.from === undefined) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required together with to' });
  } else if (value.from !== undefined && value.to !== undefined && value.to < value.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

function rangeSpec(value: RangeFields): RangeSpec {
  if (value.from !== undefined && value.to !== undefined) return { fromDate: value.from, toDate: value.to };
  return { period: value.period ?? 'month' };
}

function filtersOf(value: CallFilters): CallFilters {
  const filters: CallFilters = {};
  if (value.agentId !== undefined) filters.agentId = value.agentId;
  if (value.status !== undefined) filters.status = value.status;
  if (value.direction !== undefined) filters.direction = value.direction;
  if (value.provider !== undefined) filters.provider = value.provider;
  if (value.sentiment !== undefined) filters.sentiment = value.sentiment;
  if (value.hour !== undefined) filters.hour = value.hour;
  return filters;
}

/** `?period` or `?from&to` → `{ range }`, resolved later in the workspace's time zone. */
export const rangeQuerySchema = z
  .object(rangeShape)
  .superRefine(checkRange)
  .transform((value) => ({ range: rangeSpec(value) }));

/** Range plus call filters (agentId, status, direction, provider, sentiment). */
export const callFiltersQuerySchema = z
  .object({ ...rangeShape, ...callFilterShape })
  .superRefine(checkRange)
  .transform((value) => ({ range: rangeSpec(value), filters: filtersOf(value) }));

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const limit = z
  .string()
  .regex(/^\d{1,4}$/, `must be an integer from 1 to ${MAX_PAGE_SIZE}`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `must be an integer from 1 to ${MAX_PAGE_SIZE}`);

/** `cursor` (opaque, from the previous page) and `limit` 1..200, default 50. */
export const paginationShape = {
  cursor: once(z.string().max(512, 'is not a valid cursor')).optional(),
  limit: once(limit).optional(),
};

export type CallListQuery = {
  range: RangeSpec;
  filters: CallFilters;
  sort: CallSort;
  order: SortOrder;
  limit: number;
  cursor: CallCursor | null;
};

/** The call list: filters, `sort=started_at|duration|cost`, `order=desc|asc`, cursor, limit. */
export const callListQuerySchema = z
  .object({
    ...rangeShape,
    ...callFilterShape,
    ...paginationShape,
    sort: once(z.enum(CALL_SORTS, listOf(CALL_SORTS))).optional(),
    order: once(z.enum(SORT_ORDERS, listOf(SORT_ORDERS))).optional(),
  })
  .superRefine(checkRange)
  .transform((value, ctx): CallListQuery => {
    const sort = value.sort ?? 'started_at';
    const order = value.order ?? 'desc';
    let cursor: CallCursor | null = null;
    if (value.cursor !== undefined) {
      cursor = decodeCallCursor(value.cursor);
      if (!cursor || cursor.sort !== sort || cursor.order !== order) {
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'is not a valid cursor for this sort order' });
        return z.NEVER;
      }
    }
    return { range: rangeSpec(value), filters: filtersOf(value), sort, order, limit: value.limit ?? DEFAULT_PAGE_SIZE, cursor };
  });

/** Usage summary: a billing period of the workspace, or else the range. */
export const usageQuerySchema = z
  .object({ ...rangeShape, billingPeriodId: once(uuid).optional() })
  .superRefine(checkRange)
  .transform((value) => ({ range: rangeSpec(value), billingPeriodId: value.billingPeriodId }));

const timeZone = z.string().max(64).refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin');

const ADMIN_PERIODS = [...CALENDAR_PRESETS, ...RANGE_PRESETS] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const dateOrMonth = z.string().refine((value) => isCalendarDate(value) || (MONTH.test(value) && Number(value.slice(0, 4)) >= 1900), 'must be a date YYYY-MM-DD or a month YYYY-MM');

/**
 * Platform views: the range in UTC unless `timeZone` names another IANA zone. Revenue is
 * monthly, so besides the rolling presets there are calendar ones (`last_month`, the
 * default; `this_month` to date; `last_3_months`, `last_12_months` full months) and
 * custom months (`from=YYYY-MM&to=YYYY-MM`, inclusive). Custom dates still work.
 */
export const adminRangeQuerySchema = z
  .object({
    period: once(z.enum(ADMIN_PERIODS, listOf(ADMIN_PERIODS))).optional(),
    from: once(dateOrMonth).optional(),
    to: once(dateOrMonth).optional(),
    timeZone: once(timeZone).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.from !== undefined && value.to !== undefined && value.from.length !== value.to.length) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be a month when from is a month, a date when from is a date' });
      return;
    }
    checkRange(value as RangeFields, ctx);
  })
  .transform((value) => ({ range: adminRangeSpec(value), timeZone: value.timeZone ?? 'UTC' }));

function adminRangeSpec(value: { period?: (typeof ADMIN_PERIODS)[number]; from?: string; to?: string }): RangeSpec {
  if (value.from !== undefined && value.to !== undefined) {
    return value.from.length === 7 ? { fromMonth: value.from, toMonth: value.to } : { fromDate: value.from, toDate: value.to };
  }
  const period = value.period ?? 'last_month';
  return (CALENDAR_PRESETS as readonly string[]).includes(period) ? { calendar: period as (typeof CALENDAR_PRESETS)[number] } : { period: period as RangePreset };
}

/** No parameters (unknown ones are ignored). */
export const emptyQuerySchema = z.object({});
