import { getToken, type JWT } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { authConfig } from './config';
import { liveSessionCaller } from './sessions';

/** The signed-in person making a request, as the database knows them now. */
export type Caller = { userId: string; email: string; name: string | null; isPlatformAdmin: boolean };

type TokenSource = NextRequest | { headers: Record<string, string>; cookies: Record<string, string> };

/**
 * The decoded, unexpired session JWT of a request, or null. Decryption failures, a wrong
 * secret and an `exp` in the past (beyond jose's 15 s clock tolerance) all yield null.
 */
export async function readSessionToken(source: TokenSource): Promise<JWT | null> {
  const config = authConfig();
  return getToken({
    req: source as NextRequest,
    secret: config.secret,
    secureCookie: config.secureCookie,
    cookieName: config.sessionCookieName,
  });
}

const userId = z.guid();

/**
 * Turns a session token into a Caller by reloading the user, so that a deleted user or a
 * revoked platform-admin flag takes effect on the next request rather than at token
 * expiry, and by checking its server-side session (sessions.ts): signed out, expired or
 * idle too long is signed out, whatever the JWT says. Every "no" is null: the id never
 * reaches a query unless it is a valid uuid.
 */
export async function callerFromToken(db: Db, token: JWT | null): Promise<Caller | null> {
  const id = userId.safeParse(token?.uid);
  if (!id.success) return null;
  return liveSessionCaller(db, token?.sid, id.data);
}
