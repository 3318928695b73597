import { withApi } from '@/lib/api/handler';
import { planResponse } from '@/lib/admin/mrr-response';
import { getCurrentPlan, listPlanHistory } from '@/lib/billing/subscription';

/** The workspace's plan and its history, for its owners (another workspace's id: 404). */
export const GET = withApi({ access: 'workspace', role: 'owner', response: planResponse }, async ({ db, workspaceId }) => {
  const plan = await getCurrentPlan(db, workspaceId);
  return { plan, history: await listPlanHistory(db, workspaceId) };
});
