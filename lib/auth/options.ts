import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db';
import { authorizeCredentials, type SignedInUser } from './authorize';
import { clientIp } from './client-ip';
import { authConfig } from './config';

let cached: NextAuthOptions | undefined;

/**
 * next-auth options. Built on first use rather than at import so that `next build`,
 * which imports route modules, does not need NEXTAUTH_SECRET.
 *
 * The JWT carries the user id and isPlatformAdmin for the UI; authorisation never trusts
 * them alone: the API wrapper and the page guards reload the user from the database.
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
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          return authorizeCredentials(await getDb(), credentials, clientIp(req?.headers));
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser;
          token.uid = signedIn.id;
          token.isPlatformAdmin = signedIn.isPlatformAdmin;
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
