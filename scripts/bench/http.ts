// The HTTP section of `npm run bench` (`--only http`): the dashboard's JSON API under load,
// against `next start` on the bench dataset. A platform admin's real session (a sessions
// row and a JWT cookie, as after signing in) reads a mix of the overview, call analytics and
// agents endpoints of random workspaces and ranges, 16 connections for 30 s, from a
// separate process (scripts/bench/http-load.mjs, autocannon). Target (issue 13): ≥ 300
// requests/s at p95 ≤ 100 ms, 0 errors.
import os from 'node:os';
import { encode } from 'next-auth/jwt';
import type pg from 'pg';
import { createSession } from '@/lib/auth/sessions';
import { DEFAULT_ADMIN_EMAIL } from '@/prisma/seed';
import { BENCH_AUTH_SECRET, runLoadScript, serveApp } from './serve';
import type { BenchContext, BenchResult, BenchSection } from './types';

const CONNECTIONS = 16;
const SECONDS = 30;
const RANGES = ['period=day', 'period=week', 'period=month', 'period=year'];
const ENDPOINTS = ['overview', 'calls/analytics', 'agents'];

type Load = { requests: number; seconds: number; requestsPerSecond: number; p50: number; p95: number; non2xx: number; errors: number; timeouts: number; statuses: Record<string, number> };

export const httpSection: BenchSection = {
  title: `HTTP (overview, call analytics and agents of random workspaces and ranges; next start, ${CONNECTIONS} connections)`,
  async run(context: BenchContext): Promise<BenchResult[]> {
    const { db } = context;
    const databaseUrl = (context.connection as unknown as { pool: pg.Pool }).pool.options.connectionString!;
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEFAULT_ADMIN_EMAIL }, select: { id: true, email: true } });
    // The session limits are read from the server's environment, which this process shares for the cookie's sake.
    process.env.NEXTAUTH_SECRET = BENCH_AUTH_SECRET;
    const sid = await createSession(db, admin.id, null);
    const token = await encode({ token: { sub: admin.id, uid: admin.id, email: admin.email, isPlatformAdmin: true, sid }, secret: BENCH_AUTH_SECRET, maxAge: 3600 });
    const workspaces = await db.workspace.findMany({ select: { id: true }, orderBy: { id: 'asc' } });

    const server = await serveApp(databaseUrl, { API_RATE_LIMIT_PER_MINUTE: '100000000' }, context.log);
    try {
      const options = { url: server.base, cookie: `next-auth.session-token=${token}`, workspaceIds: workspaces.map((w) => w.id), endpoints: ENDPOINTS, ranges: RANGES, connections: CONNECTIONS };
      await runLoadScript<Load>('scripts/bench/http-load.mjs', { ...options, duration: 5, seed: 7 });
      const before = os.loadavg()[0]!;
      const load = await runLoadScript<Load>('scripts/bench/http-load.mjs', { ...options, duration: SECONDS, seed: 42 });
      const after = os.loadavg()[0]!;
      context.log(
        `${load.requestsPerSecond.toFixed(0)} requests/s, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, ${load.requests} requests in ${load.seconds} s; ` +
          `statuses ${JSON.stringify(load.statuses)}, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}; ${workspaces.length} workspaces; load average ${before.toFixed(2)} → ${after.toFixed(2)}`,
      );
      return [{ name: 'dashboard API mix', range: `${load.requestsPerSecond.toFixed(0)} req/s`, ours: { p50: load.p50, p95: load.p95 }, note: `${load.non2xx + load.errors + load.timeouts} errors` }];
    } finally {
      await server.stop();
    }
  },
};
