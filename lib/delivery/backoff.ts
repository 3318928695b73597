/** Outbox retry timing (METRICS.md "Outbox"). */

/** A message not delivered this long after it was written is given up on: failed, and shown so. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
