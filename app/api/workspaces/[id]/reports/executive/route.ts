import { withApi } from '@/lib/api/handler';
import { withLease } from '@/lib/limits';
import { buildExecutiveSummary, executiveSummaryMarkdown, executiveSummaryPdf, reportQuarterRange } from '@/lib/reports';
import { reportDownload, reportWorkspace } from '@/lib/reports/files';
import { executiveQuerySchema } from '@/lib/reports/params';

/** `?quarter=YYYY-Qn&format=md|pdf`: exactly that calendar quarter in the workspace's time zone. */
export const GET = withApi({ access: 'workspace', query: executiveQuerySchema }, async ({ db, access, timeZone, query }) => {
  const now = new Date();
  const range = reportQuarterRange(query.quarter, timeZone, now);
  // At most 4 renders per workspace at once (lib/limits): 429 with Retry-After beyond.
  return withLease(db, access.workspace.id, 'report', async () => {
    const { industry } = await db.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { industry: true } });
    const summary = await buildExecutiveSummary(db, reportWorkspace(access, industry), query.quarter, range);
    const file = { kind: 'executive-summary', slug: access.workspace.slug, period: `${query.quarter}${range.toDate ? '-to-date' : ''}` };
    if (query.format === 'pdf') {
      return reportDownload(new Uint8Array(await executiveSummaryPdf(summary, now)), { ...file, extension: 'pdf', contentType: 'application/pdf' });
    }
    return reportDownload(executiveSummaryMarkdown(summary), { ...file, extension: 'md', contentType: 'text/markdown; charset=utf-8' });
  });
});
