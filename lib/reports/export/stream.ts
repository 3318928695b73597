import { agentDisplayName } from '@/lib/agents/label';
import type { Connection } from '@/lib/db';
import { localDateOf, type CallFilters, type TimeRange, type WorkspaceScope } from '@/lib/analytics';
import { instantFormatter, type ExportRow } from './columns';
import { ENCODERS, type ExportFormat } from './encoders';
import { callBatches, DEFAULT_BATCH_SIZE, type ExportCallRecord } from './source';

export type ExportOptions = {
  format: ExportFormat;
  range: TimeRange;
  filters?: CallFilters;
  batchSize?: number;
};

/**
 * The export as a pull-based byte stream: a batch is read from the database only when
 * the consumer (the HTTP response, a bench, a test) asks for more, so memory holds about
 * one batch whatever the number of rows, and a client that goes away stops the reading.
 */
export function exportCallsStream(connection: Connection, scope: WorkspaceScope, options: ExportOptions): ReadableStream<Uint8Array> {
  const encoder = ENCODERS[options.format];
  const batches = callBatches(connection, scope, options.range, options.filters ?? {}, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const toRow = exportRowMapper(options.range.timeZone);
  const utf8 = new TextEncoder();
  let started = false;
  let first = true;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          const { range } = options;
          controller.enqueue(utf8.encode(encoder.start({ range: { from: range.from.toISOString(), to: range.to.toISOString() }, timeZone: range.timeZone, currency: EXPORT_CURRENCY })));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.enqueue(utf8.encode(encoder.end()));
          controller.close();
          return;
        }
        const rows = next.value.map(toRow);
        controller.enqueue(utf8.encode(encoder.batch(rows, first)));
        first = false;
      },
      // Stryker disable next-line BlockStatement: on PGlite there is nothing to release; on PostgreSQL the released connection is pinned by tests/reports/export.test.ts "stops reading when the client goes away"
      async cancel() {
        await batches.return(undefined);
      },
    },
    // One chunk ahead at most: the database is read at the pace of the client.
    // Stryker disable next-line ObjectLiteral: 1 is also the default high-water mark; written out because the memory bound depends on it
    { highWaterMark: 1 },
  );
}

/** Every amount is in US dollars (ingestion takes USD only). */
export const EXPORT_CURRENCY = 'USD';

export function exportRowMapper(timeZone: string): (record: ExportCallRecord) => ExportRow {
  const format = instantFormatter(timeZone);
  return (r) => ({
    call_id: r.id,
    agent_id: r.agent_id,
    // Named as everywhere else: "Ava (deleted)" once the agent was deleted.
    agent_name: r.agent_name === null ? null : agentDisplayName({ agentId: r.agent_id, agentName: r.agent_name, agentDeleted: r.agent_deleted === true }),
    caller: r.caller_number,
    direction: r.direction,
    status: r.status,
    duration_seconds: r.duration_seconds,
    cost: r.cost,
    currency: EXPORT_CURRENCY,
    sentiment: r.sentiment,
    provider: r.provider,
    started_at: format(r.started_ms),
    ended_at: r.ended_ms === null ? null : format(r.ended_ms),
  });
}

/**
 * `calls-<slug>-<first local date>_<last local date>.<ext>`: the workspace and the range
 * in its own time zone (the last date is the one holding the range's last instant).
 */
export function exportFilename(slug: string, range: TimeRange, format: ExportFormat): string {
  return `calls-${safeSlug(slug)}-${rangeLabel(range)}.${ENCODERS[format].extension}`;
}

export function rangeLabel(range: TimeRange): string {
  const first = localDateOf(range.from, range.timeZone);
  const last = localDateOf(new Date(Math.max(range.from.getTime(), range.to.getTime() - 1)), range.timeZone);
  return first === last ? first : `${first}_${last}`;
}

/** Slugs are already [a-z0-9-]; this keeps a header value safe whatever the database holds. */
export function safeSlug(slug: string): string {
  return slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace';
}

export function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

export function contentTypeOf(format: ExportFormat): string {
  return ENCODERS[format].contentType;
}
