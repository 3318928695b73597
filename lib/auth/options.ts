import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db';
import { authorizeCredentials, type SignedInUser } from './authorize';
import { clientIp } from './client-ip';
import { authConfig } from './config';
import { createSession, revokeSession } from './sessions';

let cached: NextAuthOptions | undefined;

/**
 * next-auth options. Built on first use rather than at import so that `next build`,
 * which imports route modules, does not need NEXTAUTH_SECRET.
 *
 * The JWT carries the user id and isPlatformAdmin for the UI, and `sid`, its server-side
 * session (sessions.ts); authorisation never trusts them alone: the API wrapper and the
 * page guards reload the user and check the session on every request.
 */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = authConfig();
  cached = {
    secret: config.secret,
    session: { strategy: 'jwt', maxAge: config.sessionMaxAge },
    jwt: { maxAge: config.sessionMaxAge },
    useSecureCookies: config.secureCookie,
    pages: { signIn: '/login', signOut: '/logout', error: '/login' },
    events: {
      // Sign-out ends the session on the server too: the cookie, even copied, is dead.
      async signOut({ token }) {
        await revokeSession(await getDb(), token?.sid);
      },
    },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const ip = clientIp(req?.headers);
          const user = await authorizeCredentials(await getDb(), credentials, ip);
          return user ? { ...user, ip } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser & { ip?: string };
          token.uid = signedIn.id;
          token.isPlatformAdmin = signedIn.isPlatformAdmin;
          token.sid = await createSession(await getDb(), signedIn.id, signedIn.ip ?? null);
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid ?? '',
          email: token.email ?? '',
          name: token.name ?? null,
          isPlatformAdmin: token.isPlatformAdmin === true,
        };
        return session;
      },
    },
  };
  return cached;
}
