import { z } from 'zod';
import { ConfigError } from '@/lib/env';

/**
 * Auth settings from the environment, validated once per process. NEXTAUTH_SECRET signs
 * and encrypts every session; a short or missing one is a configuration error, never a
 * silent fallback.
 */
const authEnvSchema = z.object({
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)'),
  // Absolute lifetime of a sign-in, and how long it survives without a request.
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  SESSION_IDLE_TIMEOUT_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  NEXTAUTH_URL: z.url().optional(),
});

export type AuthConfig = {
  secret: string;
  /** Absolute session lifetime in seconds (JWT exp, cookie max-age, the session row's expires_at). */
  sessionMaxAge: number;
  /** Seconds without a request after which a session ends. */
  sessionIdleTimeout: number;
  /** Browsers only send __Secure- cookies over https, so the name follows NEXTAUTH_URL. */
  sessionCookieName: string;
  secureCookie: boolean;
};

export function authConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const parsed = authEnvSchema.safeParse({
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET || undefined,
    SESSION_MAX_AGE_HOURS: env.SESSION_MAX_AGE_HOURS || undefined,
    SESSION_IDLE_TIMEOUT_HOURS: env.SESSION_IDLE_TIMEOUT_HOURS || undefined,
    NEXTAUTH_URL: env.NEXTAUTH_URL || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const secureCookie = parsed.data.NEXTAUTH_URL?.startsWith('https://') ?? false;
  return {
    secret: parsed.data.NEXTAUTH_SECRET,
    sessionMaxAge: Math.round(parsed.data.SESSION_MAX_AGE_HOURS * 3600),
    sessionIdleTimeout: Math.round(parsed.data.SESSION_IDLE_TIMEOUT_HOURS * 3600),
    sessionCookieName: secureCookie ? '__Secure-next-auth.session-token' : 'next-auth.session-token',
    secureCookie,
  };
}

/**
 * The idle timeout alone, for code that never signs a token (the prune job run from the CLI
 * or cron), so it does not need NEXTAUTH_SECRET.
 */
export function sessionIdleTimeoutSeconds(env: Record<string, string | undefined> = process.env): number {
  const parsed = authEnvSchema.pick({ SESSION_IDLE_TIMEOUT_HOURS: true }).safeParse({ SESSION_IDLE_TIMEOUT_HOURS: env.SESSION_IDLE_TIMEOUT_HOURS || undefined });
  if (!parsed.success) throw new ConfigError(`SESSION_IDLE_TIMEOUT_HOURS: ${parsed.error.issues[0]!.message}`);
  return Math.round(parsed.data.SESSION_IDLE_TIMEOUT_HOURS * 3600);
}
