import type { NextRequest } from 'next/server';
import { authenticateKey, bearerToken, touchKey, type AuthenticatedKey } from '@/lib/apikeys';
import { getDb, type Db } from '@/lib/db';
import { consume, type RateLimitDecision } from '@/lib/ratelimit';
import { ApiError, errorResponse, jsonResponse, toErrorResponse } from './errors';

/**
 * The wrapper of routes authenticated by a workspace API key (Authorization: Bearer
 * vd_live_…), in the spirit of withApi but with no session cookie at all: a cookie is
 * never read, so a browser cannot be tricked into writing with someone's session.
 *   1. key        → missing, unknown or revoked: one 401, never saying which
 *   2. rate limit → per key, counted in the database (all processes share it): 429 + Retry-After
 *   3. handler    → gets the key's workspace; whatever the body says, it writes there only
 * Errors use the API's one body `{error:{code,message,param}}`; anything unexpected is a
 * logged, generic 500.
 */
export type KeyHandlerContext = { request: NextRequest; db: Db; key: AuthenticatedKey };

export const invalidKey = () => new ApiError(401, 'unauthorized', 'Send a valid API key as Authorization: Bearer <key>');

export function withApiKey(
  options: { rateLimitPerMinute: () => number },
  handler: (ctx: KeyHandlerContext) => Promise<unknown | Response>,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    try {
      const db = await getDb();
      const key = await authenticateKey(db, bearerToken(request.headers.get('authorization')));
      if (!key) {
        const response = errorResponse(invalidKey());
        response.headers.set('WWW-Authenticate', 'Bearer');
        return response;
      }
      const limit = options.rateLimitPerMinute();
      const decision = await consume(db, { key: `api_key:${key.id}`, limit, windowSeconds: 60 });
      if (!decision.allowed) return rateLimited(decision);
      await touchKey(db, key.id).catch((error) => console.error('[api] last_used_at update failed:', error));
      const result = await handler({ request, db, key });
      const response = result instanceof Response ? result : jsonResponse(result);
      response.headers.set('RateLimit-Limit', String(limit));
      response.headers.set('RateLimit-Remaining', String(decision.remaining));
      return response;
    } catch (error) {
      return toErrorResponse(error, `${request.method} ${request.nextUrl.pathname}`);
    }
  };
}

function rateLimited(decision: RateLimitDecision): Response {
  const response = errorResponse(new ApiError(429, 'too_many_requests', `Rate limit reached for this API key; retry in ${decision.retryAfterSeconds} s`));
  response.headers.set('Retry-After', String(decision.retryAfterSeconds));
  return response;
}
