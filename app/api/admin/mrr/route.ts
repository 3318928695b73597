import { getMrrReport, defaultMonths } from '@/lib/analytics/subscriptions';
import { withApi } from '@/lib/api/handler';
import { mrrQuerySchema } from '@/lib/admin/mrr-query';
import { adminMrrResponse } from '@/lib/admin/mrr-response';

/**
 * MRR movements per local calendar month, from the subscription history (docs/METRICS.md);
 * platform admins only. `from`/`to` are inclusive months `YYYY-MM` (default the last 12),
 * read in UTC unless `timeZone` is given. Money as 6-place decimal strings, every movement
 * ≥ 0, ending = starting + new + expansion + reactivation − contraction − churn.
 */
export const GET = withApi({ access: 'platform-admin', query: mrrQuerySchema, response: adminMrrResponse }, async ({ db, query }) => {
  const months = query.from && query.to ? { from: query.from, to: query.to } : defaultMonths(12, query.timeZone, new Date());
  const report = await getMrrReport(db, { ...months, timeZone: query.timeZone });
  return {
    months: report.months.map((m) => ({
      month: m.month,
      starting: m.starting,
      new: m.new,
      expansion: m.expansion,
      contraction: m.contraction,
      churn: m.churn,
      reactivation: m.reactivation,
      ending: m.ending,
    })),
  };
});
