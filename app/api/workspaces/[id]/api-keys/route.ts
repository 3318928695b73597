import { withApi } from '@/lib/api/handler';
import { jsonResponse } from '@/lib/api/errors';
import { createApiKey, createKeyBody, listApiKeys } from '@/lib/apikeys';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

/** GET: the workspace's API keys (prefix, name, created, last used, revoked); owners and workspace admins. */
export const GET = withApi({ access: 'workspace', role: 'admin' }, async ({ db, workspaceId }) => ({ keys: await listApiKeys(db, workspaceId) }));

/** POST { name }: creates a key and answers 201 with it, the only time it is shown. Audited. */
export const POST = withApi({ access: 'workspace', role: 'admin', body: createKeyBody }, async ({ db, workspaceId, caller, request, body }) => {
  const { key, apiKey } = await createApiKey(db, { workspaceId, name: body.name, actor: callerActor(caller, clientIp(request.headers)) });
  return jsonResponse({ key, apiKey }, 201);
});
