import { Prisma } from '@/lib/db';
import { InvalidParameterError } from './errors';
import { isUuid } from './scope';

/** Call filters (METRICS.md): they narrow the set of calls for every figure, breakdowns included. */

export const CALL_STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
/** Statuses a call ends in; queued/ringing/in_progress are neither successes nor failures. */
export const TERMINAL_STATUSES = ['completed', 'failed', 'no_answer', 'busy', 'canceled'] as const satisfies readonly CallStatus[];
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export type CallFilters = {
  agentId?: string;
  status?: CallStatus;
  direction?: CallDirection;
  /** calls.voice_provider_used */
  provider?: string;
  sentiment?: Sentiment;
  /** Local hour 0–23 of started_at in the range's time zone (a bar of the hour chart). */
  hour?: number;
};

/**
 * Validated SQL conditions on the calls table aliased `c`; TRUE when there is no filter.
 * `timeZone` is the zone whose wall clock the hour filter reads (the range's).
 */
export function callFilterCondition(filters: CallFilters = {}, timeZone?: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const { agentId, status, direction, provider, sentiment, hour } = filters;
  if (agentId !== undefined) {
    if (!isUuid(agentId)) throw new InvalidParameterError('agentId', 'expected a UUID');
    parts.push(Prisma.sql`c.agent_id = ${agentId}::uuid`);
  }
  if (status !== undefined) {
    parts.push(Prisma.sql`c.status = ${oneOf('status', status, CALL_STATUSES)}::call_status`);
  }
  if (direction !== undefined) {
    parts.push(Prisma.sql`c.direction = ${oneOf('direction', direction, CALL_DIRECTIONS)}::call_direction`);
  }
  if (provider !== undefined) {
    if (typeof provider !== 'string' || provider.length === 0 || provider.length > 100) {
      throw new InvalidParameterError('provider', 'expected a provider name');
    }
    parts.push(Prisma.sql`c.voice_provider_used = ${provider}`);
  }
  if (sentiment !== undefined) {
    parts.push(Prisma.sql`c.sentiment = ${oneOf('sentiment', sentiment, SENTIMENTS)}::sentiment`);
  }
  if (hour !== undefined) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new InvalidParameterError('hour', 'expected an integer from 0 to 23');
    if (timeZone === undefined) throw new InvalidParameterError('hour', 'needs the time zone its hours are read in');
    parts.push(Prisma.sql`extract(hour FROM c.started_at AT TIME ZONE ${timeZone})::int = ${hour}::int`);
  }
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

function oneOf<T extends string>(param: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidParameterError(param, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * The filters without one dimension's: what a chart of that dimension is fed when the page
 * is cross-filtered by it, so it keeps every bar (METRICS.md, "Cross-filtering"). Every
 * other filter still applies, so its bars are exact counts of the calls the page shows
 * plus the other values of its own dimension.
 */
export function filtersWithout(filters: CallFilters, dimension: keyof CallFilters): CallFilters {
  const rest = { ...filters };
  delete rest[dimension];
  return rest;
}
