import type { Db } from '@/lib/db';
import { apiRateLimitPerMinute } from '@/lib/env';
import { consume } from '@/lib/ratelimit';
import { RetryLaterError } from './errors';

/**
 * The per-person budget of the session-cookie JSON API (every withApi route: /api/workspaces
 * and /api/admin): API_RATE_LIMIT_PER_MINUTE requests per user per minute, counted in the
 * database so that every app process spends from the same budget. Over it → 429 with
 * Retry-After until the minute ends. Read on each request, so tests and operators can change it.
 */
export async function enforceUserRateLimit(db: Db, userId: string): Promise<void> {
  const limit = apiRateLimitPerMinute();
  const decision = await consume(db, { key: `user:${userId}`, limit, windowSeconds: 60 });
  if (!decision.allowed) {
    throw new RetryLaterError(429, 'too_many_requests', `Rate limit of ${limit} requests per minute reached; retry in ${decision.retryAfterSeconds} s`, decision.retryAfterSeconds);
  }
}
