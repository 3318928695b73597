import { withApi } from '@/lib/api/handler';
import { emptyQuerySchema } from '@/lib/api/params';
import { billingPeriodListResponse } from '@/lib/api/schemas';
import { listBillingPeriods } from '@/lib/billing/periods';

/** The workspace's billing periods, newest first (for the reports page). */
export const GET = withApi(
  { access: 'workspace', query: emptyQuerySchema, response: billingPeriodListResponse },
  async ({ db, workspaceId }) => ({ billingPeriods: await listBillingPeriods(db, { workspaceId }) }),
);
