import { authConfig } from '@/lib/auth/config';
import { apiRateLimitPerMinute, ConfigError, databaseConfig, ingestRateLimitPerMinute, preparedStatements } from '@/lib/env';

/**
 * Everything the server reads from its environment, checked once when it starts
 * (instrumentation.ts), so that a bad value stops `next start` with one line naming the
 * variable instead of serving every request a 500. Returns the problem, or null.
 */
export function serverEnvironmentProblem(env: Record<string, string | undefined> = process.env): string | null {
  try {
    authConfig(env);
    databaseConfig(env);
    apiRateLimitPerMinute(env);
    ingestRateLimitPerMinute(env);
    preparedStatements(env);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}
