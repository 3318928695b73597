export { ConcurrencyLimitError } from './errors';
export { acquireLease, heldLeases, LEASE_POLICIES, pruneLeases, releaseLease, renewLease, type Lease, type LeaseKind, type LeasePolicy } from './leases';
export { holdLeaseWhile } from './stream';
export { withLease } from './with-lease';
