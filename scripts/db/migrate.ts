// npm run db:migrate: applies prisma/migrations to DATABASE_URL (PostgreSQL) or PGLITE_DIR.
import { openConnection } from '@/lib/db/connection';
import { applyMigrations } from '@/lib/db/migrations';
import { databaseConfig } from '@/lib/env';
import { runCli } from '../cli';

runCli(async () => {
  const config = databaseConfig();
  const connection = await openConnection(config);
  try {
    const applied = await applyMigrations(connection.adapter);
    const where = config.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.dir})`;
    console.log(applied.length ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `${where} is up to date: no migration to apply.`);
  } finally {
    await connection.close();
  }
});
