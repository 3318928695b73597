import { resolveRange, type RangeSpec, type TimeRange } from '@/lib/analytics';

/**
 * The one place where a request's range meets the clock: resolved once per request, in
 * the workspace's zone (or UTC / the chosen zone for platform views). Bad ranges throw
 * InvalidRangeError, which the wrapper answers with 400 naming the parameter.
 */
export function resolveRequestRange(spec: RangeSpec, timeZone: string, now: Date = new Date()): TimeRange {
  return resolveRange(spec, timeZone, now);
}
