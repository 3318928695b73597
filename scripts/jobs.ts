// npm run jobs -- list | run <name> [--month YYYY-MM] [--dry-run]
import { parseArgs } from 'node:util';
import { createPrismaClient, openConnection } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import { findJob, JOBS, listJobStatus, runJob } from '@/lib/jobs';
import { parseMonth } from '@/lib/billing/months';
import { runCli } from './cli';

const USAGE = 'usage: npm run jobs -- list | run <name> [--month YYYY-MM] [--dry-run]';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { month: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [command, name] = positionals;
  if (command !== 'list' && command !== 'run') throw new ConfigError(USAGE);
  if (command === 'run') {
    if (!name) throw new ConfigError(USAGE);
    if (!findJob(name)) throw new ConfigError(`unknown job ${JSON.stringify(name)}; jobs: ${JOBS.map((j) => j.name).join(', ')}`);
    if (values.month !== undefined) {
      try {
        parseMonth(values.month);
      } catch (error) {
        throw new ConfigError(`--month: ${(error as Error).message}`);
      }
    }
  }
  const connection = await openConnection(databaseConfig());
  const db = createPrismaClient(connection);
  try {
    await applyMigrations(connection.adapter);
    if (command === 'list') {
      for (const job of await listJobStatus(db, new Date(), 1)) {
        const last = job.runs[0];
        console.log(`${job.name}\t${job.schedule} (UTC)\tnext ${job.nextDueAt?.toISOString() ?? '-'}\tlast ${last ? `${last.status} ${last.startedAt.toISOString()}` : 'never'}`);
        console.log(`  ${job.description}`);
      }
      return;
    }
    const started = performance.now();
    const result = await runJob({ db, connection }, findJob(name!)!, { trigger: 'cli', month: values.month, dryRun: values['dry-run'] });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.status === 'skipped') throw new Error(`${name}: another run holds the lock; nothing done`);
    if (result.status === 'failed') throw new Error(`${name} failed after ${result.attempt} attempts: ${result.error}`);
    console.log(`${name} ${values['dry-run'] ? '(dry run) ' : ''}succeeded in ${seconds} s: ${JSON.stringify(result.summary)}`);
  } finally {
    await db.$disconnect();
    await connection.close();
  }
});
