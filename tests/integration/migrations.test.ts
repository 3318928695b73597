import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/lib/db';
import { SCHEMA_PATH, applyMigrations, diffSchemaAgainstMigrations } from '@/lib/db/migrations';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.dispose());

  it('records the applied migrations and applies nothing the second time', async () => {
    const rows = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await applyMigrations(t.connection.adapter)).toEqual([]);
  });

  it('creates every table of the data model', async () => {
    const tables = await t.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    // Every model's table (its @@map), read from schema.prisma itself, and nothing else.
    const schema = fs.readFileSync(SCHEMA_PATH, 'utf8');
    const modelTables = [...schema.matchAll(/^model \w+ \{[\s\S]*?@@map\("([a-z_]+)"\)[\s\S]*?^\}/gm)].map((m) => m[1]!);
    expect(modelTables.length).toBe([...schema.matchAll(/^model /gm)].length);
    expect(modelTables).toContain('audit_log');
    expect(tables.map((r) => r.table_name)).toEqual(['_prisma_migrations', ...modelTables].sort());
  });

  it('keeps schema.prisma and the committed migrations in step', async () => {
    const scratch = await openPglite('memory://');
    try {
      expect(await diffSchemaAgainstMigrations(scratch.adapter)).toBe('');
    } finally {
      await scratch.close();
    }
  });
});
