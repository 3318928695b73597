import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlertRules } from '@/lib/alerts';
import { findJob, runJob } from '@/lib/jobs';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { addCalls, at, minutes, rule } from './helpers';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

describe('the job `alerts`', () => {
  it('is registered every minute, evaluates through the job runner and records its run', async () => {
    const job = findJob('alerts')!;
    expect(job.schedule).toBe('* * * * *');
    expect(findJob('report-delivery')!.schedule).toBe('*/15 * * * *');
    const ws = (await t.db.workspace.create({ data: { name: 'J', slug: 'j', timezone: 'UTC', status: 'active' } })).id;
    const now = at('2026-06-10T09:00:00Z');
    await addCalls(t.db, ws, [{ at: minutes(now, -3), status: 'failed' }]);
    await rule(t.db, ws, { metric: 'failure_rate', comparator: 'gte', threshold: 100, window_minutes: 15, channels: [{ type: 'email', to: ['x@example.com'] }] }, minutes(now, -10));
    const result = await runJob({ db: t.db, connection: t.connection }, job, { trigger: 'cli', now: () => now, attempts: 1 });
    expect(result.status).toBe('succeeded');
    expect(result.status === 'succeeded' && result.summary).toMatchObject({ evaluated: 1, fired: 1, queued: 1, prunedOutbox: 0 });
    // Email is not configured in this process: the message waits, visibly.
    expect(await t.db.outboxMessage.findFirst({ where: { workspaceId: ws } })).toMatchObject({ status: 'pending', attempts: 1 });
    const run = await t.db.jobRun.findFirstOrThrow({ where: { jobName: 'alerts' } });
    expect(run.status).toBe('succeeded');
  });

  it('two evaluators at once (two processes, or the schedule beside the CLI) fire once', async () => {
    const ws = (await t.db.workspace.create({ data: { name: 'K', slug: 'k', timezone: 'UTC', status: 'active' } })).id;
    const now = at('2026-06-11T09:00:00Z');
    await addCalls(t.db, ws, [{ at: minutes(now, -3), status: 'failed' }]);
    const r = await rule(t.db, ws, { metric: 'calls', comparator: 'gte', threshold: 1, window_minutes: 15, channels: [{ type: 'email', to: ['x@example.com'] }] }, minutes(now, -10));
    const results = await Promise.all([evaluateAlertRules(t.db, now, { workspaceId: ws }), evaluateAlertRules(t.db, now, { workspaceId: ws })]);
    expect(results.reduce((n, s) => n + s.fired, 0)).toBe(1);
    expect(await t.db.alertEvent.count({ where: { ruleId: r.rule.id } })).toBe(1);
    expect(await t.db.outboxMessage.count({ where: { ruleId: r.rule.id } })).toBe(1);
  });
});
