import type { IngestCommand } from '@/lib/ingest';

/**
 * What one webhook delivery means, before it is written: either normalised commands for
 * the ingestion core, or why it cannot be used. Mappers are pure (payload → result).
 */
export type MappedDelivery =
  | {
      result: 'mapped';
      /** e.g. `end-of-call-report`, `call_analyzed`, `call` (Bland has one kind). */
      eventType: string;
      callExternalId: string;
      /** When the event happened at the source: orders a call's deliveries, and dates its usage records. */
      occurredAt: Date;
      /** Sorts the same call's kinds of event when their times tie (call_ended before call_analyzed). */
      rank: number;
      commands: IngestCommand[];
    }
  /** A message kind that carries no call data for us (Vapi transcript, Retell transcript_updated): 2xx, logged, not written. */
  | { result: 'ignored'; eventType: string; callExternalId: string | null; reason: string }
  /** Cannot be mapped: 2xx (the sender must not retry forever), logged as rejected with the reason. */
  | { result: 'rejected'; eventType: string | null; callExternalId: string | null; reason: string };

export type MapContext = {
  /** When we received the delivery: the time of last resort when the payload has none. */
  receivedAt: Date;
};

export class MappingError extends Error {
  override name = 'MappingError';
}
