import { TZDate } from '@date-fns/tz';
import { Prisma, type Db } from '@/lib/db';
import { InvalidParameterError } from '../errors';
import { startOfLocalDate } from '../range';

/**
 * Subscription history as the MRR figures read it (docs/METRICS.md "Subscriptions and
 * MRR"), and the pure functions every other figure of this family builds on. Money is
 * `Prisma.Decimal` inside and a 6-place decimal string outside; never a float.
 */

export type SubscriptionStatus = 'active' | 'trialing' | 'past_due' | 'cancelled';

export type SubscriptionEvent = {
  workspaceId: string;
  occurredAt: Date;
  kind: string;
  toStatus: SubscriptionStatus;
  toTier: string | null;
  /** The workspace's MRR from this event on (0 unless active). */
  mrrAfter: string;
};

/** A local calendar month `[start, end)` in the zone it was resolved in. */
export type CalendarMonth = { month: string; start: Date; end: Date };

export const Decimal = Prisma.Decimal;
export type Decimal = Prisma.Decimal;
export const ZERO = new Prisma.Decimal(0);

/** A decimal as the API writes money: exactly 6 places. */
export const moneyString = (value: Prisma.Decimal): string => value.toFixed(6);

const MONTH = /^(\d{4})-(\d{2})$/;
export const MAX_MONTHS = 120;

export function isCalendarMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return !!match && Number(match[1]) >= 1900 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** `YYYY-MM` shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + delta, 1));
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The local calendar month an instant falls in. */
export function monthOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${String(local.getFullYear()).padStart(4, '0')}-${String(local.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Every local calendar month from `from` to `to` (inclusive, `YYYY-MM`), each from local
 * midnight of its first day to local midnight of the next month's first day.
 */
export function calendarMonths(from: string, to: string, timeZone: string): CalendarMonth[] {
  if (!isCalendarMonth(from)) throw new InvalidParameterError('from', `expected a month YYYY-MM, got ${JSON.stringify(from)}`);
  if (!isCalendarMonth(to)) throw new InvalidParameterError('to', `expected a month YYYY-MM, got ${JSON.stringify(to)}`);
  if (to < from) throw new InvalidParameterError('to', 'must not be before from');
  const months: CalendarMonth[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) {
    if (months.length >= MAX_MONTHS) throw new InvalidParameterError('to', `at most ${MAX_MONTHS} months`);
    months.push({ month, start: startOfLocalDate(`${month}-01`, timeZone), end: startOfLocalDate(`${addMonths(month, 1)}-01`, timeZone) });
  }
  return months;
}

/**
 * Events in the order they took effect; events at the same instant keep the order given
 * (Array.prototype.sort is stable since ES2019).
 */
export function sortEvents<E extends SubscriptionEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/**
 * Each workspace's MRR in effect at `at`: the `mrrAfter` of its last event strictly
 * before `at` (0 when there is none). An event at exactly `at` takes effect from `at`
 * on, so it belongs to the period that starts there.
 */
export function mrrByWorkspaceAt(events: readonly SubscriptionEvent[], at: Date): Map<string, Prisma.Decimal> {
  const state = new Map<string, Prisma.Decimal>();
  for (const event of sortEvents(events)) {
    if (event.occurredAt.getTime() >= at.getTime()) break;
    state.set(event.workspaceId, new Prisma.Decimal(event.mrrAfter));
  }
  return state;
}

/** Platform MRR at an instant (sum over workspaces, above) and the paying workspaces. */
export function mrrAt(events: readonly SubscriptionEvent[], at: Date): { mrr: Prisma.Decimal; customers: number } {
  let mrr = ZERO;
  let customers = 0;
  for (const value of mrrByWorkspaceAt(events, at).values()) {
    mrr = mrr.add(value);
    if (value.gt(0)) customers += 1;
  }
  return { mrr, customers };
}

/** Every event before `before`, in the order they took effect. */
export async function loadSubscriptionEvents(db: Db, before: Date): Promise<SubscriptionEvent[]> {
  return db.$queryRaw<SubscriptionEvent[]>`
    SELECT h.workspace_id::text AS "workspaceId", h.occurred_at AS "occurredAt", h.kind,
           h.to_status::text AS "toStatus", h.to_tier AS "toTier", round(h.mrr_after, 6)::text AS "mrrAfter"
    FROM subscription_history h
    WHERE h.occurred_at < ${before}::timestamptz
    ORDER BY h.occurred_at, h.created_at, h.id`;
}
