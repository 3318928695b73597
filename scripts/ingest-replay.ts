// npm run ingest:replay -- --connector ID --since DATE
//   re-maps the connector's deliveries kept since DATE (ISO date or instant; payloads are
//   kept 35 days) and writes them again: for a mapping fix. Idempotent: run it twice and
//   the data is the same.
import { parseArgs } from 'node:util';
import { replayDeliveries } from '@/lib/connectors/replay';
import { createPrismaClient, openConnection } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import { runCli } from './cli';

const USAGE = 'usage: npm run ingest:replay -- --connector <id> --since <YYYY-MM-DD or ISO instant>';

runCli(async () => {
  const { values } = parseArgs({ options: { connector: { type: 'string' }, since: { type: 'string' } } });
  const connectorId = values.connector?.trim();
  if (!connectorId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(connectorId)) throw new ConfigError(`--connector: a connector id (${USAGE})`);
  const since = values.since ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.since) ? `${values.since}T00:00:00Z` : values.since) : null;
  if (!since || Number.isNaN(since.getTime())) throw new ConfigError(`--since: a date such as 2026-11-01 (${USAGE})`);

  const connection = await openConnection(databaseConfig());
  const db = createPrismaClient(connection);
  try {
    await applyMigrations(connection.adapter);
    const started = Date.now();
    const result = await replayDeliveries(db, connectorId, since);
    if (!result) throw new ConfigError(`--connector: no connector ${connectorId}`);
    const { accepted, duplicate, ignored, rejected } = result.counts;
    console.log(`replayed ${accepted + duplicate + ignored + rejected} ${result.platform} deliveries since ${since.toISOString()} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    console.log(`${accepted} accepted, ${duplicate} duplicate, ${ignored} ignored, ${rejected} rejected`);
  } finally {
    await db.$disconnect();
    await connection.close();
  }
});
