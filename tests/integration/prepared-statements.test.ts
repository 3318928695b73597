import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db';
import { statementName } from '@/lib/db/statement-names';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../helpers/test-db';

// Runs first: the cap test below uses up this process's names.
describe.skipIf(!testServerUrl())('prepared statements on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.dispose());

  it("prepares a query once per connection and reuses it (pg_prepared_statements of the query's own connection)", async () => {
    if (t.connection.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // One connection, so that the statement and the catalog read share it.
    const pool = new pg.Pool({ connectionString: t.connection.pool.options.connectionString, max: 1 });
    const db = createPrismaClient({ kind: 'postgres', pool, adapter: new PrismaPg(pool, { statementNameGenerator: statementName }), close: () => pool.end() });
    try {
      for (let i = 0; i < 3; i++) expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM workspaces WHERE slug = ${'prepared-' + i}`).toEqual([{ n: 0 }]);
      const prepared = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%FROM workspaces WHERE slug =%' AND statement NOT LIKE '%pg_prepared_statements%'`;
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^vd_/);
    } finally {
      await db.$disconnect();
      await pool.end();
    }
  });

  it('is what the app connection uses (openConnection): the same query twice leaves one prepared statement', async () => {
    if (t.connection.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await t.db.$transaction(async (tx) => {
      for (let i = 0; i < 2; i++) await tx.$queryRaw`SELECT count(*)::int AS n FROM voice_agents WHERE name = ${'x' + i}`;
      const prepared = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%FROM voice_agents WHERE name =%' AND statement NOT LIKE '%pg_prepared_statements%'`;
      expect(prepared).toHaveLength(1);
    });
  });
});

describe('statement names (lib/db/statement-names.ts)', () => {
  it('gives one stable name per SQL text and different names to different texts', () => {
    const a = statementName({ sql: 'SELECT 1 /* a */' });
    expect(a).toMatch(/^vd_[\w-]{24}$/);
    expect(statementName({ sql: 'SELECT 1 /* a */' })).toBe(a);
    expect(statementName({ sql: 'SELECT 1 /* b */' })).not.toBe(a);
  });

  it('stops naming new texts past its cap, so a connection never keeps unboundedly many statements', () => {
    const names = new Set<string>();
    for (let i = 0; i < 1000; i++) names.add(statementName({ sql: `SELECT ${i} /* cap */` }));
    expect(names.has('')).toBe(true);
    expect(names.size).toBeLessThanOrEqual(401);
    // texts named before the cap keep their name
    expect(statementName({ sql: 'SELECT 1 /* a */' })).toMatch(/^vd_/);
  });
});
