import { afterEach, describe, expect, it } from 'vitest';
import { GET as exportCalls } from '@/app/api/workspaces/[id]/export/route';
import { GET as monthly } from '@/app/api/workspaces/[id]/reports/monthly/route';
import { GET as overview } from '@/app/api/workspaces/[id]/overview/route';
import type { Db } from '@/lib/db';
import { acquireLease, heldLeases, LEASE_POLICIES, releaseLease } from '@/lib/limits';
import { withSeededWorld, MARCH, type World } from '../api/fixtures';
import { apiRequest, call } from '../api/session';

/**
 * Item 3 of issue 17: at most 2 exports and 4 report renders per workspace at once (429 +
 * Retry-After beyond), stored in the database so they hold across processes, freed on
 * finish, abort and (by expiry) crash; and a per-user request budget on the JSON API.
 */
let db: Db;
let w: World;
withSeededWorld((t, world) => {
  db = t.db;
  w = world;
});

afterEach(async () => {
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  await db.$executeRawUnsafe('DELETE FROM resource_leases');
  await db.$executeRawUnsafe('DELETE FROM rate_limit_counters');
});

const exportUrl = (ws: string) => `/api/workspaces/${ws}/export?${MARCH}&format=csv`;
const startExport = async (ws: string, user = w.ownerA) =>
  exportCalls(await apiRequest(exportUrl(ws), user), { params: Promise.resolve({ id: ws }) });

describe('concurrency leases', () => {
  it('give out exactly `max` slots per workspace and kind, also to racing callers', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => acquireLease(db, w.a, 'export')));
    expect(results.filter(Boolean)).toHaveLength(LEASE_POLICIES.export.max);
    // Other kinds and other workspaces have slots of their own.
    expect(await acquireLease(db, w.b, 'export')).not.toBeNull();
    const reports = await Promise.all(Array.from({ length: 6 }, () => acquireLease(db, w.a, 'report')));
    expect(reports.filter(Boolean)).toHaveLength(4);
  });

  it('a released slot is free at once; a crashed holder\'s slot frees itself when its lease expires', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const first = await acquireLease(db, w.a, 'export', { now });
    const second = await acquireLease(db, w.a, 'export', { now });
    expect(first && second).toBeTruthy();
    expect(await acquireLease(db, w.a, 'export', { now })).toBeNull();
    await releaseLease(db, first!);
    const third = await acquireLease(db, w.a, 'export', { now });
    expect(third).not.toBeNull();
    // Nobody releases `second` or `third` (their process died): 30 s later both slots are free.
    const later = new Date(now.getTime() + LEASE_POLICIES.export.ttlSeconds * 1000);
    expect(await acquireLease(db, w.a, 'export', { now: later })).not.toBeNull();
    expect(await acquireLease(db, w.a, 'export', { now: later })).not.toBeNull();
    // A late release by the dead holder does not free the slot its successor took.
    await releaseLease(db, second!);
    expect(await acquireLease(db, w.a, 'export', { now: later })).toBeNull();
  });
});

describe('export and report limits on the API', () => {
  it('a third concurrent export of a workspace gets 429 concurrency_limit with Retry-After; the other workspace is not affected', async () => {
    const one = await startExport(w.a);
    const two = await startExport(w.a);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(await heldLeases(db, w.a, 'export')).toBe(2);
    const three = await startExport(w.a);
    expect(three.status).toBe(429);
    expect(three.headers.get('Retry-After')).toBe(String(LEASE_POLICIES.export.retryAfterSeconds));
    expect(await three.json()).toMatchObject({ error: { code: 'concurrency_limit', message: expect.stringContaining('At most 2 exports') } });
    expect((await startExport(w.b, w.memberB)).status).toBe(200);

    // Finishing one download frees its slot; cancelling the other (client gone) frees that one.
    const text = await one.text();
    expect(text.split('\n')[0]).toContain('call_id');
    expect(await heldLeases(db, w.a, 'export')).toBe(1);
    await two.body!.cancel();
    expect(await heldLeases(db, w.a, 'export')).toBe(0);
    const again = await startExport(w.a);
    expect(again.status).toBe(200);
    await again.body!.cancel();
  });

  it('an export refused for bad filters holds no slot', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await call(exportCalls, `/api/workspaces/${w.a}/export?${MARCH}&format=csv&agentId=nope`, { id: w.a }, w.ownerA);
      expect(r.status).toBe(400);
    }
    expect(await heldLeases(db, w.a, 'export')).toBe(0);
  });

  it('a fifth concurrent report render gets 429; renders release their slot when done', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => acquireLease(db, w.a, 'report')));
    const refused = await call(monthly, `/api/workspaces/${w.a}/reports/monthly?month=2026-03&format=json`, { id: w.a }, w.ownerA);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('5');
    expect(refused.body.error.code).toBe('concurrency_limit');
    await releaseLease(db, held[0]!);
    const ok = await call(monthly, `/api/workspaces/${w.a}/reports/monthly?month=2026-03&format=json`, { id: w.a }, w.ownerA);
    expect(ok.status).toBe(200);
    expect(await heldLeases(db, w.a, 'report')).toBe(3);
    // A render that fails (bad month) gives its slot back too.
    await releaseLease(db, held[1]!);
    expect((await call(monthly, `/api/workspaces/${w.a}/reports/monthly?month=2099-01`, { id: w.a }, w.ownerA)).status).toBe(400);
    expect(await heldLeases(db, w.a, 'report')).toBe(2);
  });
});

describe('per-user rate limit on the JSON API', () => {
  it('API_RATE_LIMIT_PER_MINUTE requests per user per minute, then 429 with Retry-After; other users keep their own budget', async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '3';
    const get = (user: World['ownerA']) => call(overview, `/api/workspaces/${w.a}/overview?${MARCH}`, { id: w.a }, user);
    for (let i = 0; i < 3; i++) expect((await get(w.ownerA)).status).toBe(200);
    const refused = await get(w.ownerA);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    const retryAfter = Number(refused.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await get(w.viewerA)).status).toBe(200);
    // Counted in the database, not in this process: the row is what every process shares.
    const rows = await db.rateLimitCounter.findMany({ where: { key: `user:${w.ownerA.id}` } });
    expect(rows.map((r) => r.count)).toEqual([4]);
  });

  it('a malformed API_RATE_LIMIT_PER_MINUTE stops the server at start-up, naming the variable', async () => {
    const { serverEnvironmentProblem } = await import('@/lib/server-env');
    expect(serverEnvironmentProblem({ NEXTAUTH_SECRET: 'x'.repeat(40), API_RATE_LIMIT_PER_MINUTE: 'lots' })).toMatch(/^API_RATE_LIMIT_PER_MINUTE/);
  });
});
