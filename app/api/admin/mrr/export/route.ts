import { defaultMonths, getMrrReport } from '@/lib/analytics/subscriptions';
import { withApi } from '@/lib/api/handler';
import { mrrCsv } from '@/lib/admin/mrr-csv';
import { mrrExportQuerySchema } from '@/lib/admin/mrr-query';

/** CSV of the MRR page: `kind=months|movements|cohorts`, same months and zone as GET /api/admin/mrr; platform admins only. */
export const GET = withApi({ access: 'platform-admin', query: mrrExportQuerySchema }, async ({ db, query }) => {
  const months = query.from && query.to ? { from: query.from, to: query.to } : defaultMonths(12, query.timeZone, new Date());
  const report = await getMrrReport(db, { ...months, timeZone: query.timeZone });
  return new Response(mrrCsv(report, query.kind), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="mrr-${query.kind}-${months.from}-${months.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
