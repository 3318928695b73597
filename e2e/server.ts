// The app under test: a fresh database of its own (a uniquely named PostgreSQL database
// when DATABASE_URL or TEST_DATABASE_URL points at a server, else a fresh PGlite folder),
// migrated and seeded with a small fixed dataset, then the built app on E2E_PORT.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openConnection } from '@/lib/db/connection';
import { applyMigrations } from '@/lib/db/migrations';
import type { DatabaseConfig } from '@/lib/env';
import { seedDatabase } from '@/prisma/seed';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { E2E_NOW, E2E_SEED } from './fixtures/dataset';

const port = process.env.E2E_PORT;
if (!port) throw new Error('E2E_PORT is not set (playwright.config.ts sets it)');
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/**
 * Playwright may end this server with a signal that skips its cleanup, leaving its
 * database behind; each run therefore first drops the databases earlier runs left. A plain
 * DROP DATABASE fails while a database is in use, so a concurrent run's database stays.
 */
async function sweepStaleDatabases(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'vd\\_e2e\\_%'`);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
  } finally {
    await admin.end();
  }
}

/** The same for embedded databases: PGlite folders of earlier runs untouched for an hour. */
function sweepStalePgliteDirs() {
  const root = os.tmpdir();
  for (const entry of fs.readdirSync(root)) {
    if (!entry.startsWith('vd-e2e-')) continue;
    const dir = path.join(root, entry);
    if (Date.now() - fs.statSync(dir).mtimeMs > 60 * 60_000) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  let config: DatabaseConfig;
  let cleanup = async () => {};
  if (serverUrl) {
    const url = new URL(serverUrl);
    if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(url.hostname)) {
      throw new Error(`refusing to run e2e against a non-local database server (${url.hostname})`);
    }
    await sweepStaleDatabases(serverUrl);
    const name = `vd_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    config = { kind: 'postgres', url: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    sweepStalePgliteDirs();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-e2e-'));
    config = { kind: 'pglite', dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  const connection = await openConnection(config);
  await applyMigrations(connection.adapter);
  await seedDatabase(connection, { calls: E2E_SEED.calls, seed: E2E_SEED.seed, now: new Date(E2E_NOW), healthDays: 14 });
  await connection.close();

  buildIfNeeded();

  const env = {
    ...process.env,
    NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SECRETS_KEY: 'ZTJlLXNlY3JldHMta2V5LW5vdC1mb3ItcHJvZCEhISE=',
    NEXT_TELEMETRY_DISABLED: '1',
    // The fixed dataset must stay as seeded: no scheduled job (billing-close) in the server under test.
    JOBS_IN_PROCESS: 'false',
    ...(config.kind === 'postgres' ? { DATABASE_URL: config.url } : { DATABASE_URL: '', PGLITE_DIR: config.dir }),
  };
  const server = spawn('npx', ['next', 'start', '-p', port!, '-H', '127.0.0.1'], { stdio: 'inherit', env });
  const stop = async () => {
    server.kill('SIGTERM');
    await cleanup().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', async (code) => {
    await cleanup().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
