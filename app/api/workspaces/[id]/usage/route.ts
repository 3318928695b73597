import { getUsageSummary } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { usageQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { usageResponse } from '@/lib/api/schemas';

/** Usage by provider and type for a billing period of the workspace (`billingPeriodId`), else for the range. */
export const GET = withApi(
  { access: 'workspace', query: usageQuerySchema, response: usageResponse },
  async ({ db, workspaceId, timeZone, query }) =>
    getUsageSummary(
      db,
      { workspaceId },
      query.billingPeriodId ? { billingPeriodId: query.billingPeriodId } : resolveRequestRange(query.range, timeZone),
    ),
);
