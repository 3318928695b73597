// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the committed migrations and prisma/schema.prisma.
import fs from 'node:fs';
import path from 'node:path';
import { openPglite } from '@/lib/db/connection';
import { MIGRATIONS_DIR, diffSchemaAgainstMigrations } from '@/lib/db/migrations';
import { runCli } from '../cli';

runCli(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('usage: npm run db:migration -- <name>   (name: lower-case letters, digits, underscores)');
  }
  // Replaying migrations needs a scratch database: an in-memory PGlite is enough.
  const scratch = await openPglite('memory://');
  try {
    const sql = await diffSchemaAgainstMigrations(scratch.adapter);
    if (!sql) {
      console.log('schema.prisma matches the migrations: nothing to write.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
    const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await scratch.close();
  }
});
