import { describe, expect, it } from 'vitest';
import { openPglite } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { createTestDatabase, testServerUrl } from '../helpers/test-db';

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null };

const COLUMNS_SQL = `
  SELECT table_name, column_name, data_type, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'public'
   ORDER BY table_name, column_name`;

// Only meaningful when a PostgreSQL server is configured (CI runs it that way).
describe.skipIf(!testServerUrl())('PGlite and PostgreSQL', () => {
  it('end with the same tables, columns, types, defaults and indexes after the migrations', async () => {
    const server = await createTestDatabase();
    const embedded = await openPglite('memory://');
    try {
      await applyMigrations(embedded.adapter);
      if (server.connection.kind !== 'postgres' || embedded.kind !== 'pglite') throw new Error('expected one engine of each');
      const onServer = (await server.connection.pool.query<Column>(COLUMNS_SQL)).rows;
      const onPglite = (await embedded.pglite.query<Column>(COLUMNS_SQL)).rows;
      expect(onServer.length).toBeGreaterThan(50);
      expect(onPglite).toEqual(onServer);

      const INDEXES_SQL = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`;
      expect((await embedded.pglite.query(INDEXES_SQL)).rows).toEqual((await server.connection.pool.query(INDEXES_SQL)).rows);
    } finally {
      await embedded.close();
      await server.dispose();
    }
  });
});
