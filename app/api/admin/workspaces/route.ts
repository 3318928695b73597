import { withApi } from '@/lib/api/handler';
import { resolveRequestRange } from '@/lib/api/range';
import { getWorkspaceDirectory } from '@/lib/admin/workspace-directory';
import { workspaceDirectoryQuerySchema } from '@/lib/admin/workspace-query';
import { adminWorkspacesResponse } from '@/lib/admin/workspace-response';

/**
 * Every workspace with tier, status, calls, revenue and MRR, searched (`q`) and sorted
 * (`sort`, `order`) as on /admin/workspaces; platform admins only. The range is read in
 * UTC unless `timeZone` is given.
 */
export const GET = withApi(
  { access: 'platform-admin', query: workspaceDirectoryQuerySchema, response: adminWorkspacesResponse },
  async ({ db, query }) => {
    const range = resolveRequestRange(query.range, query.timeZone);
    const { rows, total } = await getWorkspaceDirectory(db, range, query);
    return { range, q: query.q, sort: query.sort, order: query.order, total, workspaces: rows };
  },
);
