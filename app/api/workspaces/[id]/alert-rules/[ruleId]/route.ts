import { withApi } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { deleteRule, updateRule, workspaceRulePatch } from '@/lib/alerts';
import { ruleParams } from '@/lib/alerts/api';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

/** PATCH any fields of a rule; the merged rule is validated whole. Another workspace's rule is a 404. Audited. */
export const PATCH = withApi(
  { access: 'workspace', role: 'admin', params: ruleParams, body: workspaceRulePatch },
  async ({ db, workspaceId, caller, request, params, body }) => {
    const updated = await updateRule(db, workspaceId, params.ruleId, body, callerActor(caller, clientIp(request.headers)));
    if (!updated) throw notFound();
    return updated;
  },
);

/** DELETE: the rule goes, its history stays. Audited. */
export const DELETE = withApi({ access: 'workspace', role: 'admin', params: ruleParams }, async ({ db, workspaceId, caller, request, params }) => {
  if (!(await deleteRule(db, workspaceId, params.ruleId, callerActor(caller, clientIp(request.headers))))) throw notFound();
  return { deleted: true };
});
