import { getDb } from '@/lib/db';
import { toErrorResponse, notFound } from '@/lib/api/errors';
import { buildMonthlyReport, monthlyReportPdf, reportMonthRange } from '@/lib/reports';
import { reportDownload } from '@/lib/reports/files';
import { openShareLink } from '@/lib/share/links';

export const dynamic = 'force-dynamic';

/**
 * GET /share/<token>: the shared monthly report as a PDF, for anyone holding the link (no
 * session). Forged, unknown, revoked and expired links are all the same 404.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await context.params;
    const db = await getDb();
    const now = new Date();
    const link = await openShareLink(db, token, now);
    if (!link) throw notFound();
    const range = reportMonthRange(link.month, link.workspace.timezone, now);
    const report = await buildMonthlyReport(db, link.workspace, link.month, range);
    const response = reportDownload(new Uint8Array(await monthlyReportPdf(report, now)), {
      kind: 'monthly-report',
      slug: link.workspace.slug,
      period: link.month,
      extension: 'pdf',
      contentType: 'application/pdf',
    });
    // Opened in the browser, not downloaded; and never indexed or cached by a proxy.
    response.headers.set('Content-Disposition', response.headers.get('Content-Disposition')!.replace('attachment', 'inline'));
    response.headers.set('X-Robots-Tag', 'noindex');
    response.headers.set('Referrer-Policy', 'no-referrer');
    return response;
  } catch (error) {
    return toErrorResponse(error, `GET ${new URL(request.url).pathname.replace(/\/share\/.*/, '/share/…')}`);
  }
}
