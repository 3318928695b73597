import { LEASE_POLICIES, type LeaseKind } from './leases';

const WHAT: Record<LeaseKind, string> = { export: 'exports', report: 'report renders' };

/** All of a workspace's slots of a kind are taken; the API answers 429 with Retry-After. */
export class ConcurrencyLimitError extends Error {
  readonly retryAfterSeconds: number;
  constructor(readonly kind: LeaseKind) {
    const policy = LEASE_POLICIES[kind];
    super(`At most ${policy.max} ${WHAT[kind]} may run at once per workspace; retry in ${policy.retryAfterSeconds} s`);
    this.name = 'ConcurrencyLimitError';
    this.retryAfterSeconds = policy.retryAfterSeconds;
  }
}
