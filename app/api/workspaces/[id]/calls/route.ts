import { withApi } from '@/lib/api/handler';
import { callListQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { callListResponse } from '@/lib/api/schemas';
import { listCalls } from '@/lib/calls/list';

/** One page of calls (keyset pagination; pass `nextCursor` back as `cursor`). */
export const GET = withApi(
  { access: 'workspace', query: callListQuerySchema, response: callListResponse },
  async ({ db, workspaceId, timeZone, query }) => {
    const range = resolveRequestRange(query.range, timeZone);
    const page = await listCalls(db, { workspaceId }, range, query);
    return { range, ...page };
  },
);
