import { getProviderAnalytics } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { adminRangeQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { adminProvidersResponse } from '@/lib/api/schemas';

/** Per-provider cost, revenue, margin, success and latency; platform admins only. */
export const GET = withApi(
  { access: 'platform-admin', query: adminRangeQuerySchema, response: adminProvidersResponse },
  async ({ db, query }) => {
    const range = resolveRequestRange(query.range, query.timeZone);
    return { range, providers: await getProviderAnalytics(db, range) };
  },
);
