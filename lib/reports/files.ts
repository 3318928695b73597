import type { WorkspaceAccess } from '@/lib/auth/access';
import type { ReportWorkspace } from './monthly';
import { safeSlug } from './export/stream';

/** Downloads of reports: `<kind>-<slug>-<period>.<ext>`, as attachments, never cached. */
export function reportDownload(body: BodyInit, options: { kind: string; slug: string; period: string; extension: string; contentType: string }): Response {
  const filename = `${options.kind}-${safeSlug(options.slug)}-${options.period}.${options.extension}`;
  return new Response(body, {
    headers: {
      'Content-Type': options.contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The workspace fields a report shows, from the access the wrapper resolved plus its industry. */
export function reportWorkspace(access: WorkspaceAccess, industry: string | null): ReportWorkspace {
  const { id, name, slug, timezone } = access.workspace;
  return { id, name, slug, industry, timezone };
}
