import { TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_MESSAGE } from '@/lib/auth/errors';

/** What the login page says for an error code from next-auth (`?error=` or signIn()'s result). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === TOO_MANY_ATTEMPTS) return TOO_MANY_ATTEMPTS_MESSAGE;
  if (code === 'CredentialsSignin') return 'The email or password is not correct.';
  if (code === 'SessionRequired') return 'Please sign in to continue.';
  return 'Sign-in failed. Please try again.';
}

/** Where the dashboard starts when no callbackUrl was given. */
export const DEFAULT_AFTER_SIGN_IN = '/workspaces';
