import { getWorkspaceOverview } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { rangeQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { overviewResponse } from '@/lib/api/schemas';

export const GET = withApi(
  { access: 'workspace', query: rangeQuerySchema, response: overviewResponse },
  async ({ db, workspaceId, timeZone, query }) =>
    getWorkspaceOverview(db, { workspaceId }, resolveRequestRange(query.range, timeZone)),
);
