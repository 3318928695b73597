import type { Connection } from '@/lib/db';
import { INSERT_TRIGGERS } from '@/lib/db/rollups';
import { inSeedTransaction, rebuildRollups, withoutSecondaryIndexes } from './bulk-load';
import { CALL_COLUMNS, USAGE_COLUMNS, generateWorkspaceCalls, type MonthlyUsage } from './calls';
import { prepareBilling, seedBillingPeriods } from './billing';
import { seedProviderHealth } from './health';
import { seedOrganisation, type DemoLogin } from './organisation';
import { loadWhileGenerating } from './overlap';
import { seedSubscriptionHistory } from './subscriptions';

export type { DemoLogin } from './organisation';

export type SeedOptions = {
  /** Number of calls: exactly this many are generated. */
  calls: number;
  /**
   * Number of workspaces (default 20: the demo catalog as it is). Any other count sizes
   * them by a Zipf law (catalog.ts workspaceSpecs): one whale and a long tail.
   */
  workspaces?: number;
  seed: number;
  /** The instant the data ends at. Fix it for byte-identical data; defaults to now. */
  now?: Date;
  adminEmail?: string;
  adminPassword?: string;
  memberPassword?: string;
  healthDays?: number;
  onProgress?: (message: string) => void;
};

export type SeedResult = { calls: number; usageRecords: number; healthChecks: number; workspaces: number; logins: DemoLogin[] };

export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';
export const DEFAULT_ADMIN_PASSWORD = 'admin-demo-password';
export const DEFAULT_MEMBER_PASSWORD = 'demo-password';

const TABLES = ['audit_log', 'subscription_history', 'sessions', 'job_runs', 'provider_health_status', 'usage_rollups', 'usage_hour_rollups', 'platform_usage_rollups', 'call_rollups', 'call_bucket_rollups', 'call_agent_bucket_rollups', 'call_intent_rollups', 'platform_call_rollups', 'usage_records', 'calls', 'billing_periods', 'api_keys', 'memberships', 'sign_in_attempts', 'users', 'voice_agents', 'workspaces', 'subscription_tiers'];

/**
 * Replaces every row of the app's tables with deterministic demo data, in one
 * transaction: readers see the old data or the new, never half of it.
 */
export async function seedDatabase(connection: Connection, options: SeedOptions): Promise<SeedResult> {
  const nowMs = (options.now ?? new Date()).getTime();
  const progress = options.onProgress ?? (() => {});
  return inSeedTransaction(connection, async (session) => {
    await session.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
    if (connection.kind === 'postgres') await session.query(`SET LOCAL maintenance_work_mem = '512MB'`);

    const { workspaces, logins } = await seedOrganisation(session, {
      seed: options.seed,
      nowMs,
      calls: options.calls,
      workspaces: options.workspaces,
      adminEmail: options.adminEmail ?? DEFAULT_ADMIN_EMAIL,
      adminPassword: options.adminPassword ?? DEFAULT_ADMIN_PASSWORD,
      memberPassword: options.memberPassword ?? DEFAULT_MEMBER_PASSWORD,
    });

    const monthlyUsage: MonthlyUsage = new Map();
    const idCounter = { calls: 0, usage: 0 };
    let usageCount = 0;
    // The rollups' insert triggers would sum every COPY batch and upsert into the
    // rollups; one GROUP BY per rollup over the loaded rows is much faster. Disabled and
    // re-enabled inside the seed's transaction, so no other session ever sees them off.
    for (const { table, trigger } of INSERT_TRIGGERS) await session.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    await withoutSecondaryIndexes(session, ['calls', 'usage_records'], async () => {
      let loaded = 0;
      const slices = (function* () {
        for (const ws of workspaces) yield* generateWorkspaceCalls(ws, { seed: options.seed, nowMs, batchSize: 1_000, idCounter, monthlyUsage });
      })();
      await loadWhileGenerating(slices, async (batch) => {
        // Usage rows reference calls: each batch's calls go in first.
        await session.copy('calls', CALL_COLUMNS, batch.calls);
        await session.copy('usage_records', USAGE_COLUMNS, batch.usage);
        usageCount += batch.usage.length;
        loaded += batch.calls.length;
        progress(`calls: ${loaded.toLocaleString('en-US')}`);
      }, 20_000);
      progress('building indexes');
    });
    progress('building the rollups');
    await rebuildRollups(session, progress);
    for (const { table, trigger } of INSERT_TRIGGERS) await session.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);

    progress('preparing billing');
    await prepareBilling(session);
    progress('subscription history');
    await seedSubscriptionHistory(session, { seed: options.seed, nowMs });
    progress('provider health');
    const healthChecks = await seedProviderHealth(session, { seed: options.seed, nowMs, days: options.healthDays ?? 90 });
    return { calls: idCounter.calls, usageRecords: usageCount, healthChecks, workspaces: workspaces.length, logins };
  }).then(async (result) => {
    // Fresh statistics, so the planner picks the covering indexes at once.
    progress('analyzing');
    if (connection.kind === 'postgres') await connection.pool.query('ANALYZE');
    else await connection.pglite.query('ANALYZE');
    // The billing close runs on committed data, as the product's job does.
    progress('closing billing periods');
    await seedBillingPeriods(connection, nowMs);
    return result;
  });
}
