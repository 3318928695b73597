import { adminRangeQuerySchema, parseQuery, resolveRequestRange, type QueryInput } from '@/lib/api';
import { InvalidRangeError, type TimeRange } from '@/lib/analytics';

export type PageRange = { ok: true; range: TimeRange } | { ok: false; message: string };

/**
 * An admin page's range from its searchParams, parsed by the same schema as the
 * /api/admin/* endpoints (period | from&to, timeZone; UTC and the last 30 days by
 * default) and resolved once against the clock.
 */
export function pageRange(searchParams: QueryInput, now: Date = new Date()): PageRange {
  const parsed = parseQuery(adminRangeQuerySchema, searchParams);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  try {
    return { ok: true, range: resolveRequestRange(parsed.data.range, parsed.data.timeZone, now) };
  } catch (error) {
    if (error instanceof InvalidRangeError) return { ok: false, message: `${error.param}: ${error.message}` };
    throw error;
  }
}
