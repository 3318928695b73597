import { z } from 'zod';
import { withApi } from '@/lib/api/handler';
import { callDetailResponse } from '@/lib/api/schemas';
import { getCallDetail } from '@/lib/calls/detail';

// A malformed call id is a 404 like an unknown one; another workspace's call is
// NotFoundError from the scope → 404.
const params = z.object({ callId: z.guid() });

/** One call with its billed usage lines, metadata and the events that built it. */
export const GET = withApi({ access: 'workspace', params, response: callDetailResponse }, async ({ db, workspaceId, params }) =>
  getCallDetail(db, { workspaceId }, params.callId),
);
