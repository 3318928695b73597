import { getAdminOverview } from '@/lib/admin/admin-overview';
import { withApi } from '@/lib/api/handler';
import { adminRangeQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { adminOverviewResponse } from '@/lib/api/schemas';

/**
 * Platform headline figures; platform admins only. The range is read in UTC unless
 * `timeZone` is given; by default it is the last full calendar month. Workspaces, MRR and
 * ARR are as of the range's end.
 */
export const GET = withApi(
  { access: 'platform-admin', query: adminRangeQuerySchema, response: adminOverviewResponse },
  async ({ db, query }) => getAdminOverview(db, resolveRequestRange(query.range, query.timeZone)),
);
