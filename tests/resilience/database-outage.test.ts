import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as overview } from '@/app/api/workspaces/[id]/overview/route';
import { createSession } from '@/lib/auth/sessions';
import { createPrismaClient, installConnection, openConnection, type Connection } from '@/lib/db';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../helpers/test-db';
import { MARCH, seedWorld, type World } from '../api/fixtures';
import { call } from '../api/session';
import { cuttableProxy } from '../../e2e/support/cuttable-proxy';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('a database outage (PostgreSQL behind a proxy the test cuts)', () => {
  let t: TestDatabase;
  let w: World;
  let proxied: Connection;
  const proxy = cuttableProxy({ host: '127.0.0.1', port: Number(new URL(serverUrl ?? 'postgres://x:5432').port || 5432) });

  beforeAll(async () => {
    t = await createTestDatabase();
    w = await seedWorld(t.db);
    await proxy.start();
    const url = new URL((t.connection as Extract<Connection, { kind: 'postgres' }>).pool.options.connectionString!);
    url.host = `127.0.0.1:${proxy.port}`;
    proxied = await openConnection({ kind: 'postgres', url: url.toString() });
    installConnection(proxied, createPrismaClient(proxied));
  });
  afterAll(async () => {
    await proxied?.close().catch(() => {});
    await t?.dispose();
  });

  it('answers 503 with Retry-After while the database is unreachable, and recovers by itself when it is back', async () => {
    const url = `/api/workspaces/${w.a}/overview?${MARCH}`;
    // The owner signed in before the outage: their session row exists already.
    const sid = await createSession(t.db, w.ownerA.id, null);
    const asOwner = { sid };
    expect((await call(overview, url, { id: w.a }, w.ownerA, asOwner)).status).toBe(200);
    expect(await (await health()).json()).toEqual({ status: 'ok' });

    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await proxy.cut();
    const down = await call(overview, url, { id: w.a }, w.ownerA, asOwner);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.body).toEqual({ error: { code: 'service_unavailable', message: 'The service is temporarily unavailable; retry in 5 seconds' } });
    // The error pages ask /api/health to tell an outage from a bug.
    const unhealthy = await health();
    expect([unhealthy.status, await unhealthy.json(), unhealthy.headers.get('retry-after')]).toEqual([503, { status: 'unavailable' }, '5']);
    // Logged as one line, never a stack trace.
    expect(log.mock.calls.flat().join('\n')).not.toMatch(/\n\s+at /);
    log.mockRestore();

    await proxy.restore();
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 10_000) {
      status = (await call(overview, url, { id: w.a }, w.ownerA, asOwner)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    console.info(`recovered ${Date.now() - back} ms after the database came back`);
  });
});
