import { describe, expect, it } from 'vitest';
import { GET as overview } from '@/app/api/workspaces/[id]/overview/route';
import { getAuthOptions } from '@/lib/auth/options';
import { createSession, liveSessionUser, revokeSession } from '@/lib/auth/sessions';
import { MARCH, withSeededWorld, type World } from '../api/fixtures';
import { call } from '../api/session';
import type { TestDatabase } from '../helpers/test-db';

// Server-side sessions (lib/auth/sessions.ts): the JWT's `sid` must name a live session.
describe('server-side sessions', () => {
  let t: TestDatabase;
  let w: World;
  withSeededWorld((db, world) => {
    t = db;
    w = world;
  });
  const url = () => `/api/workspaces/${w.a}/overview?${MARCH}`;
  const policy = { maxAgeSeconds: 7 * 24 * 3600, idleSeconds: 12 * 3600 };

  it('sign-out revokes the session: the same cookie, copied before, is refused afterwards', async () => {
    const sid = await createSession(t.db, w.ownerA.id, '203.0.113.9');
    expect((await call(overview, url(), { id: w.a }, w.ownerA, { sid })).status).toBe(200);
    // next-auth's signOut event, exactly as the sign-out POST runs it.
    await getAuthOptions().events!.signOut!({ token: { sid } } as never);
    expect((await call(overview, url(), { id: w.a }, w.ownerA, { sid })).status).toBe(401);
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
  });

  it('a token without a session, with an unknown one, or with another user\'s is signed out', async () => {
    const others = await createSession(t.db, w.viewerA.id, null);
    for (const sid of ['', 'not-a-uuid', '00000000-0000-4000-8000-000000000000', others]) {
      expect((await call(overview, url(), { id: w.a }, w.ownerA, { sid })).status, sid).toBe(401);
    }
  });

  it('ends after the idle timeout and after the absolute lifetime, and touches last_seen_at at most once a minute', async () => {
    const start = new Date('2026-06-01T00:00:00Z');
    const sid = await createSession(t.db, w.ownerA.id, null, start, policy);
    const at = (hours: number) => new Date(start.getTime() + hours * 3600_000);
    expect(await liveSessionUser(t.db, sid, w.ownerA.id, at(11.9), policy)).toBe(true);
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(at(11.9));
    // Active every 11 hours: alive for days…
    for (const h of [23, 34, 45, 56, 67]) expect(await liveSessionUser(t.db, sid, w.ownerA.id, at(h), policy), `${h} h`).toBe(true);
    // …but never past the absolute lifetime of 7 days.
    for (const h of [78, 89, 100, 111, 122, 133, 144, 155, 166]) await liveSessionUser(t.db, sid, w.ownerA.id, at(h), policy);
    expect(await liveSessionUser(t.db, sid, w.ownerA.id, at(168), policy)).toBe(false);

    const idle = await createSession(t.db, w.ownerA.id, null, start, policy);
    expect(await liveSessionUser(t.db, idle, w.ownerA.id, at(12), policy)).toBe(false);

    const touched = await createSession(t.db, w.ownerA.id, null, start, policy);
    await liveSessionUser(t.db, touched, w.ownerA.id, new Date(start.getTime() + 30_000), policy);
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: touched } })).lastSeenAt).toEqual(start);
  });

  it('revoking is idempotent and ignores malformed ids', async () => {
    const sid = await createSession(t.db, w.ownerA.id, null);
    await revokeSession(t.db, sid);
    await revokeSession(t.db, sid);
    await revokeSession(t.db, 'garbage');
    expect(await liveSessionUser(t.db, sid, w.ownerA.id)).toBe(false);
  });
});
