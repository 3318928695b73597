import { AsyncLocalStorage } from 'node:async_hooks';

const rawOnly = new AsyncLocalStorage<boolean>();

/**
 * Runs `work` with every analytics function reading the raw tables only (no rollup):
 * the reference the rollups are tested against and the bench's "raw" column.
 */
export function withoutRollups<T>(work: () => Promise<T>): Promise<T> {
  return rawOnly.run(true, work);
}

/** False inside withoutRollups. */
export function rollupsEnabled(): boolean {
  return rawOnly.getStore() !== true;
}
