import { getDb } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { DATABASE_RETRY_AFTER_SECONDS } from '@/lib/api/errors';

/**
 * GET /api/health: 200 `{ "status": "ok" }` when the database answers, else 503
 * `{ "status": "unavailable" }` with Retry-After. Public (a load balancer asks it) and
 * says nothing else. The error pages ask it to tell an outage from a bug.
 */
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok' }, { headers });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) console.error('[health] database check failed:', error);
    return Response.json({ status: 'unavailable' }, { status: 503, headers: { ...headers, 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } });
  }
}
