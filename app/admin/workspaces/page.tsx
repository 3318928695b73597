import type { Metadata } from 'next';
import { CardSlot } from '@/components/ui';
import { AdminHeader } from '@/components/admin/admin-header';
import { RangeError } from '@/components/admin/range-error';
import { WorkspaceListCard } from '@/components/admin/workspace-sections';
import { WorkspaceSearch } from '@/components/admin/workspace-search';
import { pageRange } from '@/lib/admin/page-range';
import { getWorkspaceDirectory } from '@/lib/admin/workspace-directory';
import { workspaceDirectoryShapeSchema } from '@/lib/admin/workspace-query';
import { parseQuery, type QueryInput } from '@/lib/api';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Workspaces' };

const RANGE_KEYS = ['period', 'from', 'to', 'timeZone'] as const;

export default async function AdminWorkspacesPage({ searchParams }: { searchParams: Promise<QueryInput> }) {
  await requirePlatformAdmin('/admin/workspaces');
  const params = await searchParams;
  const resolved = pageRange(params);
  const list = parseQuery(workspaceDirectoryShapeSchema, params);
  if (!resolved.ok || !list.ok) {
    return (
      <>
        <AdminHeader title="Workspaces" range={null} />
        <RangeError message={!resolved.ok ? resolved.message : !list.ok ? list.message : ''} resetHref="/admin/workspaces" />
      </>
    );
  }
  const { range } = resolved;
  const query = list.data;
  const rangeParams = RANGE_KEYS.flatMap((key) => (typeof params[key] === 'string' ? [[key, params[key]] as [string, string]] : []));
  // Sorting keeps the range and the search; searching keeps the range and the sort.
  const sortBase = new URLSearchParams(query.q ? [...rangeParams, ['q', query.q]] : rangeParams).toString();
  const searchKeep: [string, string][] = [...rangeParams];
  if (typeof params.sort === 'string') searchKeep.push(['sort', query.sort]);
  if (typeof params.order === 'string') searchKeep.push(['order', query.order]);
  const directory = getDb().then((db) => getWorkspaceDirectory(db, range, query));
  return (
    <>
      <AdminHeader title="Workspaces" range={range} />
      <div className="space-y-4">
        <WorkspaceSearch key={query.q} q={query.q} keep={searchKeep} />
        <CardSlot title="All workspaces" height={480}>
          <WorkspaceListCard directory={directory} query={query} baseParams={sortBase} />
        </CardSlot>
      </div>
    </>
  );
}
