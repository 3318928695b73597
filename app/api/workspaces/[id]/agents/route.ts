import { listAgents } from '@/lib/agents/list';
import { withApi } from '@/lib/api/handler';
import { rangeQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { agentListResponse } from '@/lib/api/schemas';

export const GET = withApi(
  { access: 'workspace', query: rangeQuerySchema, response: agentListResponse },
  async ({ db, workspaceId, timeZone, query }) => {
    const range = resolveRequestRange(query.range, timeZone);
    return { range, agents: await listAgents(db, { workspaceId }, range) };
  },
);
