import { getPlatformOverview } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { adminRangeQuerySchema } from '@/lib/api/params';
import { resolveRequestRange } from '@/lib/api/range';
import { adminOverviewResponse } from '@/lib/api/schemas';

/** Platform headline figures; platform admins only. The range is read in UTC unless `timeZone` is given. */
export const GET = withApi(
  { access: 'platform-admin', query: adminRangeQuerySchema, response: adminOverviewResponse },
  async ({ db, query }) => getPlatformOverview(db, resolveRequestRange(query.range, query.timeZone)),
);
