import type { Connection } from '@/lib/db';
import { measure } from './timing';
import type { BenchContext, BenchResult, BenchSection } from './types';

const CALL_TRIGGERS = ['call_rollups_insert'];

/**
 * What the call rollups cost writers: a single-row and a 1,000-row INSERT into calls of
 * the largest workspace, with the rollup triggers on and (in the same transaction) off,
 * each rolled back so the dataset stays as seeded.
 */
export const writesSection: BenchSection = {
  title: 'write cost of the call rollups (INSERT into calls, rolled back)',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const { connection } = context;
    if (connection.kind !== 'postgres') throw new Error('the bench runs on PostgreSQL');
    const { rows } = await connection.pool.query<{ ws: string; agent: string }>(
      `SELECT workspace_id::text AS ws, agent_id::text AS agent FROM calls WHERE agent_id IS NOT NULL
        GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const { ws, agent } = rows[0]!;
    const results: BenchResult[] = [];
    for (const size of [1, 1000]) {
      const on = await measure(() => insertCalls(connection, ws, agent, size, true), context.runs);
      const off = await measure(() => insertCalls(connection, ws, agent, size, false), context.runs);
      results.push({ name: `INSERT ${size} call${size > 1 ? 's' : ''}`, range: 'rollups on', ours: on, note: `rollup triggers off: p50 ${off.p50.toFixed(2)} ms, p95 ${off.p95.toFixed(2)} ms` });
      context.log(`  insert ${size}: with rollups p50 ${on.p50.toFixed(2)} ms, without ${off.p50.toFixed(2)} ms`);
    }
    return results;
  },
};

async function insertCalls(connection: Extract<Connection, { kind: 'postgres' }>, workspaceId: string, agentId: string, size: number, rollups: boolean): Promise<void> {
  const client = await connection.pool.connect();
  try {
    await client.query('BEGIN');
    if (!rollups) for (const trigger of CALL_TRIGGERS) await client.query(`ALTER TABLE calls DISABLE TRIGGER ${trigger}`);
    const started = Date.parse('2026-05-20T12:00:00Z');
    await client.query(
      `INSERT INTO calls (workspace_id, agent_id, direction, status, duration_seconds, started_at, sentiment, voice_provider_used, avg_response_ms, cost_total, intent)
       SELECT $1::uuid, $2::uuid, 'inbound', 'completed', 30 + g % 300, to_timestamp($3::float8 / 1000 + g * 37), 'positive', 'elevenlabs', 600, 0.25, 'book_appointment'
       FROM generate_series(1, $4::int) g`,
      [workspaceId, agentId, started, size],
    );
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
}
