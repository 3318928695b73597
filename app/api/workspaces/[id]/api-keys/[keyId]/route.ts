import { z } from 'zod';
import { withApi } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { revokeApiKey } from '@/lib/apikeys';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

/** DELETE: revokes the key at once (it stays listed as revoked). Another workspace's key is a 404. Audited. */
export const DELETE = withApi(
  { access: 'workspace', role: 'admin', params: z.object({ keyId: z.uuid() }) },
  async ({ db, workspaceId, caller, request, params }) => {
    const found = await revokeApiKey(db, { workspaceId, id: params.keyId, actor: callerActor(caller, clientIp(request.headers)) });
    if (!found) throw notFound();
    return { revoked: true };
  },
);
