import { withApi } from '@/lib/api/handler';
import { jsonResponse } from '@/lib/api/errors';
import { createRule, listDeliveries, listRules, workspaceRuleBody } from '@/lib/alerts';
import { channelStatus } from '@/lib/alerts/api';
import { alertRuleListResponse } from '@/lib/api/schemas';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

/** GET: the workspace's alert rules, the last deliveries and whether email is configured; owners and workspace admins. */
export const GET = withApi({ access: 'workspace', role: 'admin', response: alertRuleListResponse }, async ({ db, workspaceId }) => ({
  rules: await listRules(db, workspaceId),
  deliveries: await listDeliveries(db, workspaceId),
  channels: channelStatus(),
}));

/** POST a rule (issue 16 body): 201 with it; a webhook channel's signing secret is in this answer only. Audited. */
export const POST = withApi({ access: 'workspace', role: 'admin', body: workspaceRuleBody }, async ({ db, workspaceId, caller, request, body }) => {
  const created = await createRule(db, workspaceId, body, callerActor(caller, clientIp(request.headers)));
  return jsonResponse(created, 201);
});
