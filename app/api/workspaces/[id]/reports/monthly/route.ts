import { withApi } from '@/lib/api/handler';
import { withLease } from '@/lib/limits';
import { buildMonthlyReport, monthlyReportPdf, reportMonthRange } from '@/lib/reports';
import { reportDownload, reportWorkspace } from '@/lib/reports/files';
import { monthlyQuerySchema } from '@/lib/reports/params';

/** `?month=YYYY-MM&format=json|pdf`: exactly that calendar month in the workspace's time zone. */
export const GET = withApi({ access: 'workspace', query: monthlyQuerySchema }, async ({ db, access, timeZone, query }) => {
  const now = new Date();
  const range = reportMonthRange(query.month, timeZone, now);
  // At most 4 renders per workspace at once (lib/limits): 429 with Retry-After beyond.
  return withLease(db, access.workspace.id, 'report', async () => {
    const { industry } = await db.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { industry: true } });
    const report = await buildMonthlyReport(db, reportWorkspace(access, industry), query.month, range);
    const file = { kind: 'monthly-report', slug: access.workspace.slug, period: `${query.month}${range.toDate ? '-to-date' : ''}` };
    if (query.format === 'pdf') {
      return reportDownload(new Uint8Array(await monthlyReportPdf(report, now)), { ...file, extension: 'pdf', contentType: 'application/pdf' });
    }
    return reportDownload(JSON.stringify(report, null, 2), { ...file, extension: 'json', contentType: 'application/json; charset=utf-8' });
  });
});
