import { withApi } from '@/lib/api/handler';
import { resolveRequestRange } from '@/lib/api/range';
import { getConnection } from '@/lib/db';
import { acquireLease, ConcurrencyLimitError, holdLeaseWhile, releaseLease } from '@/lib/limits';
import { attachment, contentTypeOf, exportCallsStream, exportFilename } from '@/lib/reports/export';
import { exportQuerySchema } from '@/lib/reports/params';

/**
 * Every call of the Calls view (same range and filters) as CSV or JSON, streamed from the
 * database batch by batch. Errors before the first byte answer as JSON like every route;
 * a failure mid-stream aborts the download rather than end it looking complete.
 * At most 2 exports per workspace run at once (lib/limits, 429 beyond); the slot is held
 * until the stream ends or the client goes away, which also closes the database cursor.
 */
export const GET = withApi({ access: 'workspace', query: exportQuerySchema }, async ({ db, workspaceId, timeZone, access, query }) => {
  const range = resolveRequestRange(query.range, timeZone);
  const lease = await acquireLease(db, workspaceId, 'export');
  if (!lease) throw new ConcurrencyLimitError('export');
  let source: ReadableStream<Uint8Array>;
  try {
    source = exportCallsStream(await getConnection(), { workspaceId }, { format: query.format, range, filters: query.filters });
  } catch (error) {
    await releaseLease(db, lease);
    throw error;
  }
  const stream = holdLeaseWhile(db, lease, source);
  return new Response(stream, {
    headers: {
      'Content-Type': contentTypeOf(query.format),
      'Content-Disposition': attachment(exportFilename(access.workspace.slug, range, query.format)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
