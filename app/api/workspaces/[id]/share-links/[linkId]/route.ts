import { z } from 'zod';
import { withApi } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { revokeShareLink } from '@/lib/share/links';

export const dynamic = 'force-dynamic';

/** DELETE: revokes the link at once (its URL answers 404 from now on); owners. Audited. */
export const DELETE = withApi({ access: 'workspace', role: 'owner', params: z.object({ linkId: z.uuid() }) }, async ({ db, workspaceId, caller, request, params }) => {
  if (!(await revokeShareLink(db, workspaceId, params.linkId, callerActor(caller, clientIp(request.headers))))) throw notFound();
  return { revoked: true };
});
