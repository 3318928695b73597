import { moneyString, monthOf, mrrByWorkspaceAt, ZERO, type CalendarMonth, type SubscriptionEvent } from './history';
import { classifyMovements } from './movements';

export type CohortRow = {
  /** The month the cohort's workspaces first paid. */
  cohort: string;
  workspaces: number;
  /** The cohort's MRR at the end of its first month. */
  startingMrr: string;
  /** Month 0, 1, …: the cohort's MRR at that month's end and 100 × it / startingMrr. */
  cells: { month: string; mrr: string; retainedWorkspaces: number; nrr: number | null }[];
};

/**
 * Net revenue retention of monthly cohorts (docs/METRICS.md): a workspace belongs to the
 * cohort of the month of its first `new` movement; a cell is the cohort's MRR at the end
 * of a later month over its MRR at the end of the first month, so expansion can take it
 * past 100 %. One row per month of `months` in which someone first paid; cells up to the
 * last month given.
 */
export function cohortRetention(events: readonly SubscriptionEvent[], months: readonly CalendarMonth[], timeZone: string): CohortRow[] {
  const cohortOf = new Map<string, string>();
  // `new` is a workspace's first payment, so there is one per workspace (classifyMovements).
  for (const m of classifyMovements(events)) if (m.type === 'new') cohortOf.set(m.workspaceId, monthOf(m.occurredAt, timeZone));
  const atEnd = months.map((m) => mrrByWorkspaceAt(events, m.end));
  const rows: CohortRow[] = [];
  months.forEach(({ month }, c) => {
    const members = [...cohortOf].filter(([, cohort]) => cohort === month).map(([id]) => id);
    if (members.length === 0) return;
    const sumAt = (k: number) => {
      let total = ZERO;
      let retained = 0;
      for (const id of members) {
        const value = atEnd[k]!.get(id) ?? ZERO;
        total = total.add(value);
        if (value.gt(0)) retained += 1;
      }
      return { total, retained };
    };
    const base = sumAt(c).total;
    rows.push({
      cohort: month,
      workspaces: members.length,
      startingMrr: moneyString(base),
      cells: months.slice(c).map((m, offset) => {
        const { total, retained } = sumAt(c + offset);
        return { month: m.month, mrr: moneyString(total), retainedWorkspaces: retained, nrr: base.eq(0) ? null : total.mul(100).div(base).toNumber() };
      }),
    });
  });
  return rows;
}

