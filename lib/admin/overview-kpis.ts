import { formatCount, formatMoney, formatPercent } from '@/lib/charts/format';
import { kpiChange, moneyChange, type KpiChange } from '@/lib/charts/kpi';
import { ADMIN_DEFINITIONS } from './definitions';
import type { AdminOverview } from './admin-overview';

export type AdminKpi = {
  key: 'totalWorkspaces' | 'activeWorkspaces' | 'totalCalls' | 'revenue' | 'mrr' | 'arr' | 'churnRate';
  label: string;
  value: string;
  definition: string;
  change: KpiChange | null;
  /** What the change is measured against: "vs 18 at range start", "vs $1,234.00 before". */
  changeLabel: string;
  /** Said under the change: draft amounts that are not final yet. */
  note?: string;
};

/**
 * The seven headline cards of /admin. Range sums (calls, revenue, churn) compare with the
 * previous range of equal length; current-state figures (workspaces, active, MRR, ARR)
 * are read at the range's end and compare with their value at its start
 * (lib/admin/platform-state-at).
 */
export function prepareOverviewKpis(overview: AdminOverview): AdminKpi[] {
  const { previous, atStart } = overview;
  return [
    {
      key: 'totalWorkspaces',
      label: 'Workspaces',
      value: formatCount(overview.totalWorkspaces),
      definition: ADMIN_DEFINITIONS.totalWorkspaces,
      change: kpiChange(overview.totalWorkspaces, atStart.totalWorkspaces, 'relative', 'higher'),
      changeLabel: `vs ${formatCount(atStart.totalWorkspaces)} at range start`,
    },
    {
      key: 'activeWorkspaces',
      label: 'Active',
      value: formatCount(overview.activeWorkspaces),
      definition: ADMIN_DEFINITIONS.activeWorkspaces,
      change: kpiChange(overview.activeWorkspaces, atStart.activeWorkspaces, 'relative', 'higher'),
      changeLabel: `vs ${formatCount(atStart.activeWorkspaces)} at range start`,
    },
    {
      key: 'totalCalls',
      label: 'Calls',
      value: formatCount(overview.totalCalls),
      definition: ADMIN_DEFINITIONS.totalCalls,
      change: kpiChange(overview.totalCalls, previous.totalCalls, 'relative', 'higher'),
      changeLabel: `vs ${formatCount(previous.totalCalls)} before`,
    },
    {
      key: 'revenue',
      label: 'Revenue',
      value: formatMoney(overview.totalRevenue),
      definition: ADMIN_DEFINITIONS.revenue,
      change: moneyChange(overview.totalRevenue, previous.totalRevenue, 'higher'),
      changeLabel: `vs ${formatMoney(previous.totalRevenue)} before`,
      ...(Number(overview.draftRevenue) !== 0 ? { note: `+ ${formatMoney(overview.draftRevenue)} in draft periods, not final` } : {}),
    },
    {
      key: 'mrr',
      label: 'MRR',
      value: formatMoney(overview.mrr),
      definition: ADMIN_DEFINITIONS.mrr,
      change: moneyChange(overview.mrr, atStart.mrr, 'higher'),
      changeLabel: `vs ${formatMoney(atStart.mrr)} at range start`,
    },
    {
      key: 'arr',
      label: 'ARR',
      value: formatMoney(overview.arr),
      definition: ADMIN_DEFINITIONS.arr,
      change: moneyChange(overview.arr, atStart.arr, 'higher'),
      changeLabel: `vs ${formatMoney(atStart.arr)} at range start`,
    },
    {
      key: 'churnRate',
      label: 'Churn rate',
      value: formatPercent(overview.churnRate),
      definition: ADMIN_DEFINITIONS.churnRate,
      change: kpiChange(overview.churnRate, previous.churnRate, 'points', 'lower'),
      changeLabel: `vs ${formatPercent(previous.churnRate)} before`,
    },
  ];
}
