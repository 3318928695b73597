import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBilling } from '@/lib/billing/close';
import { createPrismaClient, openConnection, type Connection, type Db } from '@/lib/db';
import { findJob, listJobStatus, nextDue, runJob, type JobDefinition } from '@/lib/jobs';
import { jobsInProcessEnabled } from '@/lib/jobs/scheduler';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const W = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const NOW = new Date('2026-03-10T12:00:00Z');

/** The billing close as a job at a fixed clock, with a hook that may throw mid-way. */
function closeJob(afterWrite?: Parameters<typeof closeBilling>[1]['afterWrite']): JobDefinition {
  return {
    ...findJob('billing-close')!,
    run: async ({ db }) => ({ ...(await closeBilling(db, { now: NOW, afterWrite })) }),
  };
}

async function invoiceNumbers(db: Db): Promise<number[]> {
  const rows = await db.billingPeriod.findMany({ where: { invoiceNumber: { not: null } }, select: { invoiceNumber: true } });
  return rows.map((r) => Number(r.invoiceNumber!.slice(-6))).sort((a, b) => a - b);
}

// A database per test: each one stands alone (mutation testing runs tests one by one).
describe('the job runner and the billing-close job', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await t.db.subscriptionTier.create({ data: { tierName: 'monthly', monthlyFee: '49.000000', billingInterval: 'month', includedMinutes: 0 } });
    await t.db.workspace.createMany({
      data: [1, 2, 3].map((n) => ({ id: W(n), name: `W${n}`, slug: `w${n}`, timezone: 'UTC', status: 'active' as const, subscriptionTier: 'monthly', createdAt: new Date('2025-12-15T00:00:00Z') })),
    });
  });
  afterEach(() => t?.dispose());

  it('leaves no half-written period when a run throws half-way, records the failure, and the retry completes it', async () => {
    let failures = 0;
    const job = closeJob(async ({ workspaceId, month }) => {
      // The 2nd workspace's January: its rows are written, then the transaction fails.
      if (workspaceId === W(2) && month === '2026-01' && failures++ === 0) {
        throw new Error('disk on fire');
      }
    });
    const first = await runJob(t, job, { trigger: 'manual', attempts: 1 });
    expect(first).toMatchObject({ status: 'failed', error: 'disk on fire' });
    // W1 (written before) whole; of W2 nothing at all, not even the December written before
    // the failure in the same transaction, and no invoice number taken for it.
    expect(await t.db.billingPeriod.count({ where: { workspaceId: W(1) } })).toBe(4);
    expect(await t.db.billingPeriod.count({ where: { workspaceId: W(2) } })).toBe(0);
    expect(await t.db.billingLineItem.count({ where: { workspaceId: W(2) } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { workspaceId: W(2) } })).toBe(0);
    expect(await invoiceNumbers(t.db)).toEqual([1, 2, 3]);

    const second = await runJob(t, job, { trigger: 'manual', attempts: 2, backoffMs: 0 });
    expect(second).toMatchObject({ status: 'succeeded', attempt: 1 });
    for (const n of [1, 2, 3]) expect(await t.db.billingPeriod.count({ where: { workspaceId: W(n), status: { not: 'void' } } })).toBe(4);
    expect(await invoiceNumbers(t.db)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const runs = await t.db.jobRun.findMany({ where: { jobName: 'billing-close' }, orderBy: { startedAt: 'asc' } });
    expect(runs.map((r) => [r.status, r.attempt, r.error])).toEqual([['failed', 1, 'disk on fire'], ['succeeded', 1, null]]);
    expect(runs[1]!.summary).toMatchObject({ finalized: 6, drafts: 3 });
  });

  it('retries a failed attempt with backoff within one run', async () => {
    let calls = 0;
    const job: JobDefinition = { name: 'flaky', description: 'fails once', schedule: '0 * * * *', run: async () => {
      if (calls++ === 0) throw new Error('transient');
      return { ok: true };
    } };
    const result = await runJob(t, job, { trigger: 'manual', attempts: 3, backoffMs: 10 });
    expect(result).toMatchObject({ status: 'succeeded', attempt: 2 });
    const runs = await t.db.jobRun.findMany({ where: { jobName: 'flaky' }, orderBy: { attempt: 'asc' } });
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([[1, 'failed'], [2, 'succeeded']]);
  });

  it('runs one run of a job at a time: a concurrent run is skipped', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: JobDefinition = { name: 'slow', description: 'waits', schedule: '0 * * * *', run: async () => (await gate, { ok: true }) };
    const first = runJob(t, slow, { trigger: 'manual' });
    await new Promise((r) => setTimeout(r, 50));
    const second = await runJob(t, slow, { trigger: 'manual' });
    release();
    expect(second.status).toBe('skipped');
    expect((await first).status).toBe('succeeded');
    expect((await runJob(t, slow, { trigger: 'manual' })).status).toBe('succeeded');
  });

  it('two processes closing at once produce one period per workspace-month and gapless numbers', async () => {
    await t.db.workspace.createMany({
      data: [4, 5, 6, 7].map((n) => ({ id: W(n), name: `W${n}`, slug: `w${n}`, timezone: 'Asia/Kathmandu', status: 'active' as const, subscriptionTier: 'monthly', createdAt: new Date('2025-06-01T00:00:00Z') })),
    });
    // A second connection is a second process as far as the database can tell (on PGlite
    // both share the one in-memory database, as processes share a folder's single owner).
    let other: { connection: Connection; db: Db } | undefined;
    if (t.connection.kind === 'postgres') {
      const connection = await openConnection({ kind: 'postgres', url: dbUrl(t) });
      other = { connection, db: createPrismaClient(connection) };
    }
    const envB = other ?? t;
    // Straight at the close, no lock: the unique key and the status checks keep it whole.
    const results = await Promise.all([closeBilling(t.db, { now: NOW }), closeBilling(envB.db, { now: NOW })]);
    // And through the runner: one of the two holds the lock.
    const runs = await Promise.all([runJob(t, closeJob(), { trigger: 'manual' }), runJob(envB, closeJob(), { trigger: 'manual' })]);
    expect(runs.map((r) => r.status).sort()).toContain('succeeded');
    const dupes = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT workspace_id, period_start FROM billing_periods WHERE status <> 'void' GROUP BY 1, 2 HAVING count(*) > 1) d`;
    expect(dupes[0]!.n).toBe(0);
    // 4 workspaces × Jun..Feb (9 ended months) = 36, and W1–W3 × Dec..Feb = 9.
    expect(results[0]!.finalized + results[1]!.finalized).toBe(45);
    expect(await invoiceNumbers(t.db)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    await other?.connection.close();
  });

  it('lists each job with its last runs and the next due time (UTC cron)', async () => {
    await runJob(t, closeJob(), { trigger: 'manual' });
    const [status] = await listJobStatus(t.db, new Date('2026-03-10T12:30:00Z'));
    expect(status).toMatchObject({ name: 'billing-close', schedule: '7 * * * *' });
    expect(status!.nextDueAt!.toISOString()).toBe('2026-03-10T13:07:00.000Z');
    expect(status!.runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(nextDue(findJob('billing-close')!, new Date('2026-03-10T12:06:59Z'))!.toISOString()).toBe('2026-03-10T12:07:00.000Z');
    expect(jobsInProcessEnabled({ JOBS_IN_PROCESS: 'false' })).toBe(false);
    expect(jobsInProcessEnabled({})).toBe(true);
  });
});

function dbUrl(t: TestDatabase): string {
  if (t.connection.kind !== 'postgres') throw new Error('postgres only');
  const options = (t.connection.pool as unknown as { options: { connectionString: string } }).options;
  return options.connectionString;
}
