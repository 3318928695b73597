import { getCallAnalytics } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { callFiltersQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { callAnalyticsResponse } from '@/lib/api/schemas';

export const GET = withApi(
  { access: 'workspace', query: callFiltersQuerySchema, response: callAnalyticsResponse },
  async ({ db, workspaceId, timeZone, query }) =>
    getCallAnalytics(db, { workspaceId }, resolveRequestRange(query.range, timeZone), query.filters),
);
