// npm run db:seed -- [--calls N] [--workspaces W] [--seed S] [--now ISO]: replaces the data with demo data
// (exactly N calls; W workspaces, Zipf-sized unless W is the demo's 20).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openConnection } from '@/lib/db/connection';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import { seedDatabase } from '@/prisma/seed';
import { printLogins, seedCredentials } from '../demo-logins';
import { runCli } from '../cli';

const argsSchema = z.object({
  calls: z.coerce.number().int().min(0).max(50_000_000).default(100_000),
  workspaces: z.coerce.number().int().min(1).max(100_000).default(20),
  seed: z.coerce.number().int().min(0).default(42),
  now: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
});

runCli(async () => {
  const { values } = parseArgs({ options: { calls: { type: 'string' }, workspaces: { type: 'string' }, seed: { type: 'string' }, now: { type: 'string' } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const connection = await openConnection(databaseConfig());
  try {
    await applyMigrations(connection.adapter);
    const started = performance.now();
    const result = await seedDatabase(connection, {
      ...parsed.data,
      ...seedCredentials(),
      onProgress: (m) => process.stdout.isTTY && process.stdout.write(`\r${m}   `),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nseeded ${result.workspaces} workspaces, ${result.calls.toLocaleString('en-US')} calls, ${result.usageRecords.toLocaleString('en-US')} usage records, ${result.healthChecks.toLocaleString('en-US')} health checks in ${seconds.toFixed(1)} s`);
    printLogins(result.logins);
  } finally {
    await connection.close();
  }
});
