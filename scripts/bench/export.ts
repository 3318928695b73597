// The exports section of `npm run bench` (also runnable alone: `tsx scripts/bench/export.ts
// [--calls N]`, DATABASE_URL set). The largest seeded workspace is far below a million
// calls, so the section exports from a database of its own, vd_bench_export_<N>: one
// workspace holding all N calls over a year, generated in SQL (seconds, not minutes),
// reused while its comment matches. It runs the export function itself, draining the
// stream as a fast client would, and samples the process RSS every 20 ms.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveRange } from '@/lib/analytics';
import type { Connection } from '@/lib/db';
import { ConfigError, databaseConfig } from '@/lib/env';
import { exportCallsStream, type ExportFormat } from '@/lib/reports/export';
import { runCli } from '../cli';
import { openMarkedDatabase } from './dataset';
import type { BenchContext, BenchResult, BenchSection } from './types';

const ZONE = 'America/New_York';
const YEAR = { fromDate: '2025-06-01', toDate: '2026-05-31' } as const;

export type ExportMeasurement = { format: ExportFormat; rows: number; bytes: number; seconds: number; rssBeforeMb: number; rssPeakMb: number };

export const exportSection: BenchSection = {
  title: 'exports (one workspace, all its calls of a year, streamed)',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const config = databaseConfig();
    if (config.kind !== 'postgres') throw new ConfigError('DATABASE_URL: the bench runs on PostgreSQL');
    const { connection, workspaceId } = await openExportDataset(config.url, context.calls, context.log);
    try {
      const results: BenchResult[] = [];
      for (const format of ['csv', 'json'] as const) {
        // A million-row export takes seconds: a few runs say enough.
        const runs: ExportMeasurement[] = [];
        for (let i = 0; i < Math.min(context.runs, 3); i++) runs.push(await measureExport(connection, workspaceId, format));
        runs.sort((a, b) => a.seconds - b.seconds);
        const median = runs[Math.floor(runs.length / 2)]!;
        const worst = runs[runs.length - 1]!;
        const growth = Math.max(...runs.map((r) => r.rssPeakMb - r.rssBeforeMb));
        context.log(describe(median) + `; worst RSS growth over ${runs.length} runs ${growth.toFixed(0)} MB`);
        results.push({
          name: `export ${format}`,
          range: `${median.rows.toLocaleString('en-US')} rows`,
          ours: { p50: median.seconds * 1000, p95: worst.seconds * 1000 },
          note: `${Math.round(median.rows / median.seconds).toLocaleString('en-US')} rows/s, RSS +${growth.toFixed(0)} MB`,
        });
      }
      return results;
    } finally {
      await connection.close();
    }
  },
};

export async function measureExport(connection: Connection, workspaceId: string, format: ExportFormat): Promise<ExportMeasurement> {
  const range = resolveRange(YEAR, ZONE, new Date());
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  try {
    const reader = exportCallsStream(connection, { workspaceId }, { format, range }).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  // CSV: a header line, then one line per row (no cell of this dataset holds a newline);
  // JSON: one line per row between "[" and "\n]\n".
  const rows = format === 'csv' ? newlines - 1 : newlines - 2;
  return { format, rows, bytes, seconds, rssBeforeMb: rssBefore / 2 ** 20, rssPeakMb: rssPeak / 2 ** 20 };
}

function describe(m: ExportMeasurement): string {
  return (
    `  ${m.format}: ${m.rows.toLocaleString('en-US')} rows, ${(m.bytes / 2 ** 20).toFixed(0)} MB in ${m.seconds.toFixed(1)} s ` +
    `(${Math.round(m.rows / m.seconds).toLocaleString('en-US')} rows/s), RSS ${m.rssBeforeMb.toFixed(0)} → ${m.rssPeakMb.toFixed(0)} MB`
  );
}

/** vd_bench_export_<calls>: one workspace (America/New_York), 25 agents, `calls` calls over a year. */
export async function openExportDataset(serverUrl: string, calls: number, log: (m: string) => void): Promise<{ connection: Connection; workspaceId: string }> {
  const marker = `voice-dashboard export bench: calls=${calls} v1`;
  const connection = await openMarkedDatabase(serverUrl, `vd_bench_export_${calls}`, marker, log, async ({ pool }) => {
    const started = performance.now();
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO workspaces (name, slug, timezone, status) VALUES ('Export Bench', 'export-bench', $1, 'active') RETURNING id::text`,
      [ZONE],
    );
    const workspaceId = rows[0]!.id;
    await pool.query(`INSERT INTO voice_agents (workspace_id, name) SELECT $1::uuid, 'Agent ' || g FROM generate_series(1, 25) g`, [workspaceId]);
    // Calls spread evenly over the year before 2026-06-01, with every column filled.
    await pool.query(
      `INSERT INTO calls (workspace_id, agent_id, caller_number, direction, status, duration_seconds, started_at, ended_at,
                          sentiment, voice_provider_used, avg_response_ms, cost_total, intent)
       SELECT $1::uuid, a.ids[1 + g % 25], '+1555' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0'),
              (CASE WHEN g % 3 = 0 THEN 'outbound' ELSE 'inbound' END)::call_direction,
              (ARRAY['completed','completed','completed','failed','no_answer','busy'])[1 + g % 6]::call_status,
              30 + g % 600,
              timestamptz '2025-06-01 04:00:00+00' + (g * (31536000.0 / $2)) * interval '1 second',
              timestamptz '2025-06-01 04:00:00+00' + (g * (31536000.0 / $2) + 30 + g % 600) * interval '1 second',
              (ARRAY['positive','neutral','negative'])[1 + g % 3]::sentiment,
              (ARRAY['twilio','vapi','retell'])[1 + g % 3], 300 + g % 500, round((g % 1000) / 137.0, 6), 'support'
       FROM generate_series(0, $2 - 1) g, (SELECT array_agg(id) AS ids FROM voice_agents) a`,
      [workspaceId, calls],
    );
    log(`  generated ${calls.toLocaleString('en-US')} calls in one workspace in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });
  const { rows } = await connection.pool.query<{ id: string }>(`SELECT id::text FROM workspaces WHERE slug = 'export-bench'`);
  return { connection, workspaceId: rows[0]!.id };
}

// Alone: `tsx scripts/bench/export.ts [--calls N] [--runs R]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(async () => {
    const { values } = parseArgs({ options: { calls: { type: 'string' }, runs: { type: 'string' } } });
    const calls = Number(values.calls ?? 1_000_000);
    const runs = Number(values.runs ?? 3);
    if (!Number.isInteger(calls) || calls < 1000) throw new ConfigError('--calls: an integer of at least 1000');
    const log = (m: string) => console.log(m);
    const results = await exportSection.run({ calls, runs, log, now: new Date('2026-06-01T00:00:00Z') } as BenchContext);
    for (const r of results) console.log(`${r.name}: ${r.range}, median ${(r.ours.p50 / 1000).toFixed(1)} s, worst ${(r.ours.p95 / 1000).toFixed(1)} s, ${r.note}`);
  });
}
