// The embedded default's section of `npm run bench` (`npm run bench -- --only pglite`):
// issue 13's last target, every dashboard figure from 100k demo calls on PGlite in
// ≤ 300 ms. Seeds a fresh PGlite database in a temporary folder with the demo generator
// (20 workspaces, as `npm run db:seed` does) and runs the analytics section on it: the same
// functions, ranges, filters and seed SQL as on PostgreSQL, so the two tables compare.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient, openConnection } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { seedDatabase } from '@/prisma/seed';
import { DEFAULT_WORKSPACE_COUNT } from '@/prisma/seed/catalog';
import { analyticsSection } from './analytics';
import { BENCH_NOW, BENCH_SEED } from './dataset';
import type { BenchSection } from './types';

const PGLITE_CALLS = 100_000;

export const pgliteSection: BenchSection = {
  title: `analytics engine on the embedded default (PGlite, ${PGLITE_CALLS.toLocaleString('en-US')} demo calls)`,
  ownDatabase: true,
  async run(context) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-pglite-'));
    const connection = await openConnection({ kind: 'pglite', dir });
    const db = createPrismaClient(connection);
    try {
      await applyMigrations(connection.adapter);
      const started = performance.now();
      const seeded = await seedDatabase(connection, { calls: PGLITE_CALLS, workspaces: DEFAULT_WORKSPACE_COUNT, seed: BENCH_SEED, now: BENCH_NOW });
      context.log(`  seeded ${seeded.calls.toLocaleString('en-US')} calls in ${((performance.now() - started) / 1000).toFixed(0)} s (PGlite in ${dir})`);
      return await analyticsSection.run({ ...context, db, connection, calls: PGLITE_CALLS });
    } finally {
      await db.$disconnect();
      await connection.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
