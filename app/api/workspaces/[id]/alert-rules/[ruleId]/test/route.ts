import { withApi } from '@/lib/api/handler';
import { jsonResponse, notFound } from '@/lib/api/errors';
import { queueTestNotice } from '@/lib/alerts';
import { ruleParams } from '@/lib/alerts/api';
import { callerActor, recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

/** POST: "send test": one test message per channel, queued in the outbox (sent by the job within a minute). */
export const POST = withApi({ access: 'workspace', role: 'admin', params: ruleParams }, async ({ db, workspaceId, caller, request, params }) => {
  const queued = await queueTestNotice(db, workspaceId, params.ruleId);
  if (queued === null) throw notFound();
  await recordAudit(db, { actor: callerActor(caller, clientIp(request.headers)), action: 'alert_rule.test_sent', workspaceId, targetType: 'alert_rule', targetId: params.ruleId, details: { queued } });
  return jsonResponse({ queued }, 202);
});
