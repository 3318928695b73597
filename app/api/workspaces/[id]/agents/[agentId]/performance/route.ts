import { z } from 'zod';
import { getAgentPerformance } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { rangeQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { agentPerformanceResponse } from '@/lib/api/schemas';

// A malformed agent id is a 404 like an unknown one (the wrapper maps params failures so);
// an agent of another workspace is NotFoundError from the analytics scope check → 404.
const params = z.object({ agentId: z.guid() });

export const GET = withApi(
  { access: 'workspace', params, query: rangeQuerySchema, response: agentPerformanceResponse },
  async ({ db, workspaceId, timeZone, params, query }) =>
    getAgentPerformance(db, { workspaceId }, params.agentId, resolveRequestRange(query.range, timeZone)),
);
