import { withApi } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { deleteRule, platformRulePatch, updateRule } from '@/lib/alerts';
import { ruleParams } from '@/lib/alerts/api';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

export const PATCH = withApi({ access: 'platform-admin', params: ruleParams, body: platformRulePatch }, async ({ db, caller, request, params, body }) => {
  const updated = await updateRule(db, null, params.ruleId, body, callerActor(caller, clientIp(request.headers)));
  if (!updated) throw notFound();
  return updated;
});

export const DELETE = withApi({ access: 'platform-admin', params: ruleParams }, async ({ db, caller, request, params }) => {
  if (!(await deleteRule(db, null, params.ruleId, callerActor(caller, clientIp(request.headers))))) throw notFound();
  return { deleted: true };
});
