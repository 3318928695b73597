import { z } from 'zod';
import { withApi } from '@/lib/api/handler';
import { badRequest, jsonResponse } from '@/lib/api/errors';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { currentMonth } from '@/lib/reports';
import { createShareLink, DEFAULT_SHARE_DAYS, listShareLinks, MAX_SHARE_DAYS } from '@/lib/share/links';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'),
  expires_in_days: z.number({ error: 'must be a number of days' }).int('must be a whole number of days').min(1, `must be between 1 and ${MAX_SHARE_DAYS}`).max(MAX_SHARE_DAYS, `must be between 1 and ${MAX_SHARE_DAYS}`).default(DEFAULT_SHARE_DAYS),
});

/** GET: the workspace's share links (never their tokens); owners. */
export const GET = withApi({ access: 'workspace', role: 'owner' }, async ({ db, workspaceId }) => ({ links: await listShareLinks(db, workspaceId) }));

/** POST { month, expires_in_days? }: 201 with the link's path, shown only now. Audited. */
export const POST = withApi({ access: 'workspace', role: 'owner', body }, async ({ db, workspaceId, timeZone, caller, request, body }) => {
  if (body.month > currentMonth(timeZone, new Date())) throw badRequest('month', 'month: is in the future');
  const created = await createShareLink(db, { workspaceId, month: body.month, days: body.expires_in_days, actor: callerActor(caller, clientIp(request.headers)) });
  return jsonResponse(created, 201);
});
