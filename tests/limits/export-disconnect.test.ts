import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { GET as exportCalls } from '@/app/api/workspaces/[id]/export/route';
import type { Connection } from '@/lib/db';
import { heldLeases } from '@/lib/limits';
import { withSeededWorld, type World } from '../api/fixtures';
import { apiRequest } from '../api/session';
import { testServerUrl, type TestDatabase } from '../helpers/test-db';

/**
 * Item 3 of issue 17: a client that goes away mid-export frees its database cursor and its
 * connection within 1 s. On PostgreSQL (the export holds a pooled connection and a
 * server-side cursor there; PGlite reads short keyset pages and holds neither): a million
 * calls, a download cancelled after its first chunks, and pg_stat_activity watched from a
 * second connection until the export's backend is idle outside any transaction.
 */
const ROWS = Number(process.env.DISCONNECT_ROWS ?? 1_000_000);

type Backend = { pid: number; state: string | null; xact_start: Date | null; query: string };

describe.skipIf(!testServerUrl())('a disconnected export on PostgreSQL', () => {
  let t: TestDatabase;
  let w: World;
  withSeededWorld((test, world) => {
    t = test;
    w = world;
  });

  it(`frees its cursor and connection within 1 s of the client going away (${ROWS.toLocaleString('en-US')} rows)`, { timeout: 300_000 }, async () => {
    const connection = t.connection as Extract<Connection, { kind: 'postgres' }>;
    const seedStarted = Date.now();
    const seeder = await connection.pool.connect();
    try {
      // Replica mode skips the rollup triggers: the export reads only the calls table.
      await seeder.query("SET session_replication_role = 'replica'");
      await seeder.query(
        `INSERT INTO calls (id, workspace_id, agent_id, caller_number, direction, status, duration_seconds, started_at, ended_at, voice_provider_used, cost_total)
         SELECT gen_random_uuid(), $1::uuid, $2::uuid, '+1555' || lpad(i::text, 7, '0'), 'inbound', 'completed', 60 + i % 600,
                timestamptz '2026-03-01 06:00:00+00' + i * interval '2 seconds', timestamptz '2026-03-01 06:01:00+00' + i * interval '2 seconds',
                'twilio', (i % 1000)::numeric / 100
         FROM generate_series(1, $3::int) AS i`,
        [w.a, w.agentA, ROWS],
      );
      await seeder.query("SET session_replication_role = 'origin'");
      await seeder.query('ANALYZE calls');
    } finally {
      seeder.release();
    }
    console.log(`[disconnect] seeded ${ROWS} calls in ${Date.now() - seedStarted} ms`);

    const monitor = new pg.Client({ connectionString: (connection.pool as unknown as { options: { connectionString: string } }).options.connectionString });
    await monitor.connect();
    const exportBackends = async (): Promise<Backend[]> =>
      (
        await monitor.query<Backend>(
          `SELECT pid, state, xact_start, query FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%LEFT JOIN voice_agents a ON a.id = c.agent_id%'`,
        )
      ).rows;
    try {
      const response = await exportCalls(await apiRequest(`/api/workspaces/${w.a}/export?from=2026-03-01&to=2026-03-31&format=csv`, w.ownerA), {
        params: Promise.resolve({ id: w.a }),
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let bytes = 0;
      let lines = 0;
      for (let i = 0; i < 6; i++) {
        const chunk = await reader.read();
        bytes += chunk.value?.length ?? 0;
        lines += chunk.value ? new TextDecoder().decode(chunk.value).split('\n').length - 1 : 0;
      }
      // Mid-export: the cursor is open on a backend inside its transaction, the connection checked out.
      const during = await exportBackends();
      expect(during.length, JSON.stringify(during)).toBe(1);
      expect(during[0]!.xact_start).not.toBeNull();
      expect(connection.pool.totalCount - connection.pool.idleCount).toBeGreaterThanOrEqual(1);
      expect(await heldLeases(t.db, w.a, 'export')).toBe(1);
      console.log(`[disconnect] read ${lines} rows (${bytes} bytes) of ${ROWS}; backend ${during[0]!.pid} state '${during[0]!.state}' before the client left`);

      const pid = during[0]!.pid;
      const backend = async (): Promise<Backend[]> =>
        (await monitor.query<Backend>('SELECT pid, state, xact_start, query FROM pg_stat_activity WHERE pid = $1', [pid])).rows;
      const left = performance.now();
      await reader.cancel(new Error('client disconnected'));
      let freedAfterMs = Number.POSITIVE_INFINITY;
      let last: Backend[] = during;
      while (performance.now() - left < 5_000) {
        // The same backend (the pool keeps the connection open), now idle outside any transaction: no cursor left.
        last = await backend();
        const cursorClosed = last.every((b) => b.xact_start === null && b.state === 'idle');
        const connectionBack = connection.pool.totalCount === connection.pool.idleCount;
        if (cursorClosed && connectionBack) {
          freedAfterMs = performance.now() - left;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      console.log(`[disconnect] cursor closed and connection back in the pool ${freedAfterMs.toFixed(1)} ms after the client left; backend ${pid} now ${JSON.stringify(last.map((b) => ({ state: b.state, query: b.query.slice(0, 40) })))}`);
      expect(freedAfterMs, JSON.stringify(last)).toBeLessThan(1_000);
      expect(lines).toBeLessThan(ROWS);
      expect(await heldLeases(t.db, w.a, 'export')).toBe(0);
      // Nothing of the export is still running anywhere on the server.
      expect((await exportBackends()).filter((b) => b.state !== 'idle')).toEqual([]);
    } finally {
      await monitor.end();
    }
  });
});
