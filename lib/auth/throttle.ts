import type { Db } from '@/lib/db';

/**
 * Failed sign-in throttling, shared by every server process through the database
 * (table sign_in_attempts): at most MAX_FAILED_ATTEMPTS failures per email and per IP
 * within THROTTLE_WINDOW_MS.
 */
export const MAX_FAILED_ATTEMPTS = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleKeys = { email: string; ip: string };

export function throttleKeys({ email, ip }: ThrottleKeys): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** True when either key already used up its failures in the window (no attempt is recorded). */
export async function isThrottled(db: Db, keys: ThrottleKeys, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  for (const key of throttleKeys(keys)) {
    const count = await db.signInAttempt.count({ where: { key, createdAt: { gte: since } } });
    if (count >= MAX_FAILED_ATTEMPTS) return true;
  }
  return false;
}

/**
 * Records this attempt *before* the password is checked, then counts. Recording first
 * means concurrent guesses see each other, so firing 100 requests at once still yields
 * at most MAX_FAILED_ATTEMPTS password checks. Returns the ids to forget if the attempt
 * succeeds, or null when the attempt is over the limit.
 */
export async function beginAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<string[] | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const names = throttleKeys(keys);
  // Expired rows (of any key) are of no further use; dropping them here keeps the table
  // as small as the last window's failures, without a separate cleanup job.
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: since } } });
  const rows = await db.signInAttempt.createManyAndReturn({
    data: names.map((key) => ({ key, createdAt: now })),
    select: { id: true },
  });
  for (const key of names) {
    const count = await db.signInAttempt.count({ where: { key, createdAt: { gte: since } } });
    if (count > MAX_FAILED_ATTEMPTS) return null;
  }
  return rows.map((row) => row.id);
}

/** A successful sign-in is not a failure: its own rows are removed (earlier failures stay). */
export async function forgetAttempt(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.signInAttempt.deleteMany({ where: { id: { in: ids } } });
}

/** Deletes failed sign-ins older than the throttle window (they no longer count); for the prune job. */
export async function pruneSignInAttempts(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
  return count;
}
