import type { Db } from '@/lib/db';
import { releaseLease, renewLease, type Lease } from './leases';

/**
 * Wraps a byte stream so that it holds `lease` while it runs: the lease is renewed as
 * chunks flow (a third of its TTL at the latest) and released exactly once when the stream
 * ends, fails or is cancelled (the client went away). Pull-based like the inner stream:
 * nothing is read ahead, so cancelling reaches the inner stream (and its cursor) at once.
 */
export function holdLeaseWhile(db: Db, lease: Lease, inner: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  const renewEveryMs = (lease.ttlSeconds * 1000) / 3;
  let renewedAt = Date.now();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await releaseLease(db, lease).catch((error) => console.error('[limits] lease release failed:', error instanceof Error ? error.message : error));
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (error) {
          await release();
          throw error;
        }
        if (next.done) {
          await release();
          controller.close();
          return;
        }
        controller.enqueue(next.value);
        if (Date.now() - renewedAt >= renewEveryMs) {
          renewedAt = Date.now();
          // A lost lease does not stop a download already under way; it only frees the slot.
          await renewLease(db, lease).catch(() => false);
        }
      },
      async cancel(reason) {
        try {
          await reader.cancel(reason);
        } finally {
          await release();
        }
      },
    },
    { highWaterMark: 0 },
  );
}
