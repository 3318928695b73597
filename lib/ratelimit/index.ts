import { Prisma, type Db } from '@/lib/db';

/**
 * Rate limits that hold across processes: a fixed-window counter per key in the database
 * (rate_limit_counters), bumped by one atomic upsert, so N app processes share one budget.
 * Keys are opaque strings naming what is limited: `api_key:<id>`, later `user:<id>`.
 */
export type RateLimit = {
  /** What is limited, e.g. `api_key:<id>`. */
  key: string;
  /** Units allowed per window. */
  limit: number;
  windowSeconds: number;
};

export type RateLimitDecision = {
  allowed: boolean;
  /** Units used in the current window, this request included. */
  used: number;
  remaining: number;
  /** When refused: whole seconds until the window ends (for Retry-After); else 0. */
  retryAfterSeconds: number;
  resetAt: Date;
};

/**
 * Spends `cost` units (default 1) of the key's budget in the window containing `now`.
 * A refused request still counts (a client hammering past the limit stays limited).
 */
export async function consume(db: Db, limit: RateLimit, options: { cost?: number; now?: Date } = {}): Promise<RateLimitDecision> {
  const now = options.now ?? new Date();
  const cost = options.cost ?? 1;
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  // Every request of a key bumps the same row, so its commit must not wait for a WAL flush
  // (the row lock is held until then, which would serialise a key's requests at the disk's
  // flush rate). synchronous_commit is turned off for this one statement's transaction: a
  // crash may forget the last few hundred milliseconds of counts, which a limit can afford.
  const [row] = await db.$queryRaw<{ count: number }[]>(Prisma.sql`
    WITH "relaxed" AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO "rate_limit_counters" AS c ("key", "window_start", "count") SELECT ${limit.key}, ${windowStart}, ${cost} FROM "relaxed"
    ON CONFLICT ("key", "window_start") DO UPDATE SET "count" = c."count" + EXCLUDED."count"
    RETURNING "count"`);
  const used = Number(row!.count);
  const allowed = used <= limit.limit;
  return {
    allowed,
    used,
    remaining: Math.max(0, limit.limit - used),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
    resetAt,
  };
}

/** Deletes windows that ended more than `keepSeconds` (default one hour) before `now`; for the job runner. */
export async function pruneRateLimits(db: Db, now: Date = new Date(), keepSeconds = 3600): Promise<number> {
  return db.$executeRaw(Prisma.sql`DELETE FROM "rate_limit_counters" WHERE "window_start" < ${new Date(now.getTime() - keepSeconds * 1000)}`);
}
