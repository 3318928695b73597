import type { Db } from '@/lib/db';
import {
  buildExecutiveSummary,
  buildMonthlyReport,
  executiveSummaryMarkdown,
  executiveSummaryPdf,
  monthlyReportPdf,
  reportMonthRange,
  reportQuarterRange,
} from '@/lib/reports';
import type { Attachment } from './email';

/** A report to attach, rendered when the mail is sent (the outbox row stays small). */
export type ReportAttachmentSpec = { report: 'monthly'; month: string } | { report: 'quarterly'; quarter: string };

export async function renderReportAttachments(db: Db, workspaceId: string | null, specs: ReportAttachmentSpec[], now: Date): Promise<Attachment[]> {
  if (!workspaceId) throw new Error('a report needs its workspace');
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, name: true, slug: true, industry: true, timezone: true } });
  const files: Attachment[] = [];
  for (const spec of specs) {
    if (spec.report === 'monthly') {
      const report = await buildMonthlyReport(db, workspace, spec.month, reportMonthRange(spec.month, workspace.timezone, now));
      files.push({ filename: `monthly-report-${workspace.slug}-${spec.month}.pdf`, content: await monthlyReportPdf(report, now), contentType: 'application/pdf' });
    } else {
      const summary = await buildExecutiveSummary(db, workspace, spec.quarter, reportQuarterRange(spec.quarter, workspace.timezone, now));
      const base = `executive-summary-${workspace.slug}-${spec.quarter}`;
      files.push({ filename: `${base}.pdf`, content: await executiveSummaryPdf(summary, now), contentType: 'application/pdf' });
      files.push({ filename: `${base}.md`, content: executiveSummaryMarkdown(summary), contentType: 'text/markdown; charset=utf-8' });
    }
  }
  return files;
}
