// npm start: migrate (and on first run seed) the database, build when the sources
// changed, then serve on http://localhost:$PORT (default 3000).
import { spawn } from 'node:child_process';
import { z } from 'zod';
import { openConnection } from '@/lib/db/connection';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import { seedDatabase } from '@/prisma/seed';
import { demoLogins } from '@/prisma/seed/organisation';
import { authSecret } from './auth-secret';
import { buildIfNeeded } from './build-if-needed';
import { secretsKey } from './secrets-key';
import { printLogins, seedCredentials } from './demo-logins';
import { runCli } from './cli';

const portSchema = z.coerce.number().int().min(1).max(65535).default(3000);

runCli(async () => {
  const port = portSchema.safeParse(process.env.PORT || undefined);
  if (!port.success) throw new ConfigError(`PORT: ${port.error.issues[0]!.message}`);
  const config = databaseConfig();
  const credentials = seedCredentials();

  // PGlite allows one process per folder: migrate and seed here, then let the server open it.
  const connection = await openConnection(config);
  try {
    const applied = await applyMigrations(connection.adapter);
    if (applied.length) console.log(`applied ${applied.length} migration(s)`);
    const [{ count }] = (await (connection.kind === 'postgres'
      ? connection.pool.query('SELECT count(*)::int AS count FROM workspaces').then((r) => r.rows)
      : connection.pglite.query<{ count: number }>('SELECT count(*)::int AS count FROM workspaces').then((r) => r.rows))) as [{ count: number }];
    if (count === 0) {
      console.log('empty database: loading demo data (about 100,000 calls)…');
      const result = await seedDatabase(connection, { calls: 100_000, seed: 42, ...credentials });
      console.log(`seeded ${result.calls.toLocaleString('en-US')} calls in ${result.workspaces} workspaces`);
    }
  } finally {
    await connection.close();
  }

  buildIfNeeded();

  const url = `http://localhost:${port.data}`;
  const server = spawn('npx', ['next', 'start', '-p', String(port.data)], {
    stdio: 'inherit',
    env: { ...process.env, NEXTAUTH_SECRET: authSecret(), SECRETS_KEY: secretsKey(), NEXTAUTH_URL: process.env.NEXTAUTH_URL || url, NEXT_TELEMETRY_DISABLED: '1' },
  });
  console.log(`\nVoiceDash on ${url} (${config.kind === 'postgres' ? 'PostgreSQL' : `embedded PGlite in ${config.dir}`})`);
  printLogins(demoLogins(credentials));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  await new Promise<void>((resolve, reject) => server.on('exit', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`next start exited with ${code}`)))));
});
