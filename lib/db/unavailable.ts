import { ConfigError } from '@/lib/env';

/**
 * Whether an error means "the database cannot be reached right now" (server down or
 * restarting, network cut, connection dropped) rather than a bug or bad input. Such errors
 * are answered 503 with Retry-After, so browsers show "temporarily unavailable" and
 * senders of events retry later; the pool reconnects by itself once the server is back.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection exceptions.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const CONNECTION_MESSAGES =
  /Connection terminated|connection error|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection due to administrator command|Can't reach database server/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  if (error instanceof ConfigError) return /^DATABASE_URL: cannot connect/.test(error.message);
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; originalCode?: unknown };
  for (const code of [candidate.code, candidate.originalCode]) if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (typeof candidate.message === 'string' && CONNECTION_MESSAGES.test(candidate.message)) return true;
  if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}
