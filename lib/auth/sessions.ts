import { z } from 'zod';
import { Prisma, type Db } from '@/lib/db';
import { authConfig, sessionIdleTimeoutSeconds } from './config';

/**
 * Server-side sessions. The session JWT names its row by `sid`; a request is signed in only
 * while that row is neither revoked (sign-out), nor past its absolute lifetime
 * (SESSION_MAX_AGE_HOURS, default 7 days), nor idle for longer than
 * SESSION_IDLE_TIMEOUT_HOURS (default 12 hours). So a copied cookie stops working at
 * sign-out, and a forgotten one after a day of silence, whatever the JWT's own expiry says.
 */

// last_seen_at is written at most this often per session: every request would make the
// row hot for no gain in precision that an idle timeout of hours needs.
const TOUCH_EVERY_MS = 60_000;

const sessionId = z.guid();

export type SessionLimits = { maxAgeSeconds: number; idleSeconds: number };

function limits(): SessionLimits {
  const config = authConfig();
  return { maxAgeSeconds: config.sessionMaxAge, idleSeconds: config.sessionIdleTimeout };
}

/** A new session for a user who just signed in; returns its id (the JWT's `sid`). */
export async function createSession(db: Db, userId: string, ip: string | null, now = new Date(), policy: SessionLimits = limits()): Promise<string> {
  const row = await db.userSession.create({
    data: { userId, ip: ip?.slice(0, 64) ?? null, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return row.id;
}

/** The signed-in person of a live session, as the users table has them now. */
export type SessionUser = { userId: string; email: string; name: string | null; isPlatformAdmin: boolean };

/**
 * The user of a live session, or null (unknown, revoked, expired, idle too long, not the
 * user the token names, or a user since deleted). One statement reads the session and its
 * user together: it runs before every API request and page. Touches last_seen_at when it
 * is more than a minute old.
 */
export async function liveSessionCaller(db: Db, sid: unknown, uid: string, now = new Date(), policy: SessionLimits = limits()): Promise<SessionUser | null> {
  const id = sessionId.safeParse(sid);
  if (!id.success) return null;
  const [session] = await db.$queryRaw<
    { user_id: string; last_seen_at: Date; expires_at: Date; revoked_at: Date | null; email: string; name: string | null; is_platform_admin: boolean }[]
  >(Prisma.sql`
    SELECT s."user_id"::text, s."last_seen_at", s."expires_at", s."revoked_at", u."email", u."name", u."is_platform_admin"
    FROM "sessions" s JOIN "users" u ON u."id" = s."user_id"
    WHERE s."id" = ${id.data}::uuid`);
  if (!session || session.user_id !== uid || session.revoked_at) return null;
  if (now.getTime() >= session.expires_at.getTime()) return null;
  if (now.getTime() - session.last_seen_at.getTime() >= policy.idleSeconds * 1000) return null;
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: id.data, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { userId: session.user_id, email: session.email, name: session.name, isPlatformAdmin: session.is_platform_admin };
}

/** Whether the session is live for that user (liveSessionCaller, without the user's fields). */
export async function liveSessionUser(db: Db, sid: unknown, uid: string, now = new Date(), policy: SessionLimits = limits()): Promise<boolean> {
  return (await liveSessionCaller(db, sid, uid, now, policy)) !== null;
}

/** Ends a session (sign-out). Idempotent; an unknown or malformed id changes nothing. */
export async function revokeSession(db: Db, sid: unknown, now = new Date()): Promise<void> {
  const id = sessionId.safeParse(sid);
  if (!id.success) return;
  await db.userSession.updateMany({ where: { id: id.data, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Deletes sessions that can never sign anyone in again: revoked, past their absolute
 * lifetime, or idle beyond the timeout. For the prune job; returns how many went.
 */
export async function pruneSessions(db: Db, now = new Date(), idleSeconds: number = sessionIdleTimeoutSeconds()): Promise<number> {
  const idleSince = new Date(now.getTime() - idleSeconds * 1000);
  const { count } = await db.userSession.deleteMany({
    where: { OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] },
  });
  return count;
}
