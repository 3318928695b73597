import { getWorkspaceList, type TimeRange, type WorkspaceListRow } from '@/lib/analytics';
import type { Db } from '@/lib/db';
import { compareDecimal } from '@/lib/charts/format';
import type { WorkspaceDirectoryQuery, WorkspaceSort } from './workspace-query';

export type WorkspaceDirectory = { rows: WorkspaceListRow[]; total: number };

/**
 * The admin workspace list: every workspace of getWorkspaceList (calls, revenue and MRR
 * of METRICS.md, aggregated in SQL), narrowed by a search and sorted. The platform has
 * tens to a few thousand workspaces, so search and sort run on the aggregated rows
 * rather than in a second SQL query that would repeat the list's definitions.
 */
export async function getWorkspaceDirectory(db: Db, range: TimeRange, query: WorkspaceDirectoryQuery): Promise<WorkspaceDirectory> {
  const all = await getWorkspaceList(db, range);
  return { rows: searchAndSortWorkspaces(all, query), total: all.length };
}

/**
 * Case- and accent-insensitive substring match on name, slug, tier and status, the
 * status both as stored (`past_due`) and as the table shows it ("Past due").
 */
export function searchAndSortWorkspaces(rows: readonly WorkspaceListRow[], query: WorkspaceDirectoryQuery): WorkspaceListRow[] {
  const needle = fold(query.q.trim());
  const matching = needle
    ? rows.filter((row) => [row.name, row.slug, row.tier ?? '', row.status, row.status.replace(/_/g, ' ')].some((field) => fold(field).includes(needle)))
    : [...rows];
  const direction = query.order === 'asc' ? 1 : -1;
  const compare = COMPARE[query.sort];
  // Ties fall back to name then id, ascending, so the order is total and stable.
  return matching.sort((a, b) => direction * compare(a, b) || byName(a, b));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('en');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = (a: WorkspaceListRow, b: WorkspaceListRow) => collator.compare(a.name, b.name) || (a.workspaceId < b.workspaceId ? -1 : a.workspaceId > b.workspaceId ? 1 : 0);

const COMPARE: Record<WorkspaceSort, (a: WorkspaceListRow, b: WorkspaceListRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  tier: (a, b) => collator.compare(a.tier ?? '', b.tier ?? ''),
  status: (a, b) => collator.compare(a.status, b.status),
  calls: (a, b) => a.calls - b.calls,
  revenue: (a, b) => compareDecimal(a.revenue, b.revenue),
  mrr: (a, b) => compareDecimal(a.mrr, b.mrr),
};
