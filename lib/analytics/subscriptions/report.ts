import type { Db } from '@/lib/db';
import { churnByMonth, type ChurnMonth } from './churn';
import { cohortRetention, type CohortRow } from './cohorts';
import { addMonths, calendarMonths, loadSubscriptionEvents, monthOf } from './history';
import { mrrMovements, type MrrMonth } from './movements';
import { LTV_CHURN_MONTHS, unitEconomics, type UnitEconomicsMonth } from './unit-economics';

export type MrrReport = {
  from: string;
  to: string;
  timeZone: string;
  months: MrrMonth[];
  churn: ChurnMonth[];
  unitEconomics: UnitEconomicsMonth[];
  cohorts: CohortRow[];
  /** Names of the workspaces behind the movements (for the drill-down). */
  workspaceNames: Record<string, string>;
};

/** The last `count` local calendar months, the current one included. */
export function defaultMonths(count: number, timeZone: string, now: Date): { from: string; to: string } {
  const to = monthOf(now, timeZone);
  return { from: addMonths(to, -(count - 1)), to };
}

/**
 * Every subscription figure of the months `from`..`to` (`YYYY-MM`, local months of
 * `timeZone`), from the subscription history. The trailing churn of LTV reaches 5 months
 * before `from`.
 */
export async function getMrrReport(db: Db, spec: { from: string; to: string; timeZone: string }): Promise<MrrReport> {
  const months = calendarMonths(spec.from, spec.to, spec.timeZone);
  // Stryker disable next-line ArithmeticOperator: more lead months than the trailing window reads change no figure shown
  const lead = LTV_CHURN_MONTHS - 1;
  const extended = [...calendarMonths(addMonths(spec.from, -lead), addMonths(spec.from, -1), spec.timeZone), ...months];
  const events = await loadSubscriptionEvents(db, months.at(-1)!.end);
  const extendedMrr = mrrMovements(events, extended);
  const extendedChurn = churnByMonth(events, extended, extendedMrr);
  const economics = unitEconomics(extendedMrr, extendedChurn).slice(lead);
  const mrr = extendedMrr.slice(lead);
  const ids = [...new Set(mrr.flatMap((m) => m.movements.map((x) => x.workspaceId)))];
  const names = ids.length
    ? await db.workspace.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  return {
    from: spec.from,
    to: spec.to,
    timeZone: spec.timeZone,
    months: mrr,
    churn: extendedChurn.slice(lead),
    unitEconomics: economics,
    cohorts: cohortRetention(events, months, spec.timeZone),
    workspaceNames: Object.fromEntries(names.map((n) => [n.id, n.name])),
  };
}
