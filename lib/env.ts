import { z } from 'zod';

/** A config problem a person can fix; printed as one line, never as a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a postgres://user@host:port/database URL');

const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional().or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
});

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dir: string };

/** Which database this process uses: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function databaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const parsed = envSchema.safeParse({ DATABASE_URL: env.DATABASE_URL, PGLITE_DIR: env.PGLITE_DIR || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const { DATABASE_URL, PGLITE_DIR } = parsed.data;
  return DATABASE_URL ? { kind: 'postgres', url: DATABASE_URL } : { kind: 'pglite', dir: PGLITE_DIR };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Requests per minute one API key may send to the ingestion API (INGEST_RATE_LIMIT_PER_MINUTE, default 6000). */
export function ingestRateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.INGEST_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw) return 6000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError('INGEST_RATE_LIMIT_PER_MINUTE: must be a whole number of requests, at least 1');
  return value;
}

/**
 * Requests per minute one signed-in person may send to the JSON API under /api/workspaces and
 * /api/admin (API_RATE_LIMIT_PER_MINUTE, default 600: ten a second, far above what the pages
 * need, low enough that a script looping on an endpoint is held back).
 */
export function apiRateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw) return 600;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError('API_RATE_LIMIT_PER_MINUTE: must be a whole number of requests, at least 1');
  return value;
}

/**
 * Whether the PostgreSQL driver names (prepares) its statements, so that each connection
 * parses a query once (DATABASE_PREPARED_STATEMENTS, default on; `off` for a pooler in
 * transaction mode, which cannot keep a connection's prepared statements).
 */
export function preparedStatements(env: Record<string, string | undefined> = process.env): boolean {
  const parsed = z.enum(['on', 'off']).default('on').safeParse(env.DATABASE_PREPARED_STATEMENTS?.trim().toLowerCase() || undefined);
  if (!parsed.success) throw new ConfigError('DATABASE_PREPARED_STATEMENTS: must be on or off');
  return parsed.data === 'on';
}
