import { withApi } from '@/lib/api/handler';
import { resolveRequestRange } from '@/lib/api/range';
import { getConnection } from '@/lib/db';
import { attachment, contentTypeOf, exportCallsStream, exportFilename } from '@/lib/reports/export';
import { exportQuerySchema } from '@/lib/reports/params';

/**
 * Every call of the Calls view (same range and filters) as CSV or JSON, streamed from the
 * database batch by batch. Errors before the first byte answer as JSON like every route;
 * a failure mid-stream aborts the download rather than end it looking complete.
 */
export const GET = withApi({ access: 'workspace', query: exportQuerySchema }, async ({ workspaceId, timeZone, access, query }) => {
  const range = resolveRequestRange(query.range, timeZone);
  const stream = exportCallsStream(await getConnection(), { workspaceId }, { format: query.format, range, filters: query.filters });
  return new Response(stream, {
    headers: {
      'Content-Type': contentTypeOf(query.format),
      'Content-Disposition': attachment(exportFilename(access.workspace.slug, range, query.format)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
