import { z } from 'zod';
import { callerActor } from '@/lib/audit';
import { withApi } from '@/lib/api/handler';
import { clientIp } from '@/lib/auth/client-ip';
import { planResponse, subscriptionChangeResponse } from '@/lib/admin/mrr-response';
import { changeSubscription, getCurrentPlan, listPlanHistory, subscriptionChangeSchema } from '@/lib/billing/subscription';

const params = z.object({ id: z.guid() });

/** A workspace's plan and its full history; platform admins only. */
export const GET = withApi({ access: 'platform-admin', params, response: planResponse }, async ({ db, params }) => {
  const plan = await getCurrentPlan(db, params.id);
  return { plan, history: await listPlanHistory(db, params.id, { forStaff: true }) };
});

/**
 * Change a workspace's plan: `{"action":"change_tier","tier"}`, `start_trial` (`tier`?),
 * `end_trial` (`convert`), `cancel` (`reason`), `reactivate` (`tier`?). Platform admins
 * only; workspace row, subscription history and audit log change in one transaction.
 */
export const POST = withApi(
  { access: 'platform-admin', params, body: subscriptionChangeSchema, maxBodyBytes: 4096, response: subscriptionChangeResponse },
  async ({ db, params, body, caller, request }) => changeSubscription(db, params.id, body, callerActor(caller, clientIp(request.headers))),
);
