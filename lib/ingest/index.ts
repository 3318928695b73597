export * from './commands';
export { ingestEvents, type IngestOptions } from './ingest';
export { ingestGrouped, groupStats } from './coalesce';
export { payloadHash } from './hash';
export { pruneIngestEvents, INGEST_EVENT_RETENTION_DAYS } from './prune';
