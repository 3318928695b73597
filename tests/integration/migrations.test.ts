import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/lib/db';
import { applyMigrations, diffSchemaAgainstMigrations } from '@/lib/db/migrations';
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
    expect(tables.map((r) => r.table_name)).toEqual([
      '_prisma_migrations', 'api_keys', 'billing_periods', 'calls', 'memberships', 'provider_health_status',
      'sign_in_attempts', 'subscription_tiers', 'usage_records', 'usage_rollups', 'users', 'voice_agents', 'workspaces',
    ]);
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
