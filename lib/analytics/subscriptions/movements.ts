import { Prisma } from '@/lib/db';
import { mrrAt, moneyString, sortEvents, ZERO, type CalendarMonth, type SubscriptionEvent } from './history';

export const MOVEMENT_TYPES = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** One workspace's change of MRR: what the drill-down lists behind each figure. */
export type Movement = {
  workspaceId: string;
  occurredAt: Date;
  type: MovementType;
  /** Always ≥ 0: contraction and churn are amounts lost. */
  amount: string;
  mrrBefore: string;
  mrrAfter: string;
};

export type MrrMonth = {
  month: string;
  starting: string;
  new: string;
  expansion: string;
  contraction: string;
  churn: string;
  reactivation: string;
  ending: string;
  /** Paying workspaces (MRR > 0) at the month's start and end. */
  customersAtStart: number;
  customersAtEnd: number;
  movements: Movement[];
};

/**
 * Every MRR change in the history, classified (ChartMogul): from 0 to > 0 is `new` the
 * first time a workspace pays and `reactivation` after that; from > 0 to 0 is `churn`;
 * up is `expansion`, down `contraction`; no change of MRR is no movement. A workspace's
 * "before" is the MRR its previous event left it with, so the movements chain exactly.
 */
export function classifyMovements(events: readonly SubscriptionEvent[]): Movement[] {
  const last = new Map<string, Prisma.Decimal>();
  const hasPaid = new Set<string>();
  const movements: Movement[] = [];
  for (const event of sortEvents(events)) {
    const before = last.get(event.workspaceId) ?? ZERO;
    const after = new Prisma.Decimal(event.mrrAfter);
    last.set(event.workspaceId, after);
    const type: MovementType | null = before.eq(after)
      ? null
      : before.eq(0)
        ? hasPaid.has(event.workspaceId)
          ? 'reactivation'
          : 'new'
        : after.eq(0)
          ? 'churn'
          : after.gt(before)
            ? 'expansion'
            : 'contraction';
    if (after.gt(0)) hasPaid.add(event.workspaceId);
    if (type) {
      movements.push({
        workspaceId: event.workspaceId,
        occurredAt: event.occurredAt,
        type,
        amount: moneyString(after.sub(before).abs()),
        mrrBefore: moneyString(before),
        mrrAfter: moneyString(after),
      });
    }
  }
  return movements;
}

/**
 * Starting MRR, the five movements and ending MRR of each month. Starting is the MRR in
 * effect at the month's first instant, ending the MRR in effect at the next month's; the
 * movements are those of events in `[start, end)`. Ending = starting + new + expansion
 * + reactivation − contraction − churn is checked, not assumed: a history that broke it
 * would throw rather than show figures that do not add up.
 */
export function mrrMovements(events: readonly SubscriptionEvent[], months: readonly CalendarMonth[]): MrrMonth[] {
  const movements = classifyMovements(events);
  return months.map(({ month, start, end }) => {
    const inMonth = movements.filter((m) => m.occurredAt >= start && m.occurredAt < end);
    const sums = Object.fromEntries(MOVEMENT_TYPES.map((type) => [type, ZERO])) as Record<MovementType, Prisma.Decimal>;
    for (const m of inMonth) sums[m.type] = sums[m.type].add(m.amount);
    const starting = mrrAt(events, start);
    const ending = mrrAt(events, end);
    const computed = starting.mrr.add(sums.new).add(sums.expansion).add(sums.reactivation).sub(sums.contraction).sub(sums.churn);
    // Stryker disable all: an invariant that holds by construction (the movements chain from the MRR in effect), so no history reaches the throw
    if (!computed.eq(ending.mrr)) {
      throw new Error(`MRR movements of ${month} do not add up: ${moneyString(starting.mrr)} + movements = ${moneyString(computed)}, ending ${moneyString(ending.mrr)}`);
    }
    // Stryker restore all
    return {
      month,
      starting: moneyString(starting.mrr),
      new: moneyString(sums.new),
      expansion: moneyString(sums.expansion),
      contraction: moneyString(sums.contraction),
      churn: moneyString(sums.churn),
      reactivation: moneyString(sums.reactivation),
      ending: moneyString(ending.mrr),
      customersAtStart: starting.customers,
      customersAtEnd: ending.customers,
      movements: inMonth,
    };
  });
}
