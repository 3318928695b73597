import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob, runJob } from '@/lib/jobs';
import { acquireLease } from '@/lib/limits';
import { consume } from '@/lib/ratelimit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Item 7 of issue 17: the `prune` job deletes what has served its purpose, keeps the rest,
 * and runs through the job runner (lock, job_runs record) like every scheduled job.
 */
const NOW = new Date('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('the prune job', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let connectorId: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    const ws = await t.db.workspace.create({ data: { name: 'P', slug: 'p', timezone: 'UTC', status: 'active' } });
    workspaceId = ws.id;
    const user = await t.db.user.create({ data: { email: 'p@example.com', passwordHash: 'x' } });
    const session = (createdAt: Date, lastSeenAt: Date, expiresAt: Date, revokedAt: Date | null, ip: string) =>
      t.db.userSession.create({ data: { userId: user.id, createdAt, lastSeenAt, expiresAt, revokedAt, ip } });
    await session(ago(DAY), ago(MIN), new Date(NOW.getTime() + DAY), null, 'live');
    await session(ago(8 * DAY), ago(HOUR), ago(MIN), null, 'expired');
    await session(ago(DAY), ago(13 * HOUR), new Date(NOW.getTime() + DAY), null, 'idle');
    await session(ago(DAY), ago(MIN), new Date(NOW.getTime() + DAY), ago(MIN), 'revoked');

    await consume(t.db, { key: 'user:old', limit: 10, windowSeconds: 60 }, { now: ago(2 * HOUR) });
    await consume(t.db, { key: 'user:new', limit: 10, windowSeconds: 60 }, { now: NOW });
    await t.db.signInAttempt.createMany({ data: [{ key: 'ip:old', createdAt: ago(HOUR) }, { key: 'ip:new', createdAt: ago(MIN) }] });
    await acquireLease(t.db, workspaceId, 'report', { now: ago(2 * DAY) });
    await acquireLease(t.db, workspaceId, 'export', { now: NOW });

    const ingest = (eventId: string, receivedAt: Date) => ({ workspaceId, eventId, payloadHash: 'h', source: 'api', type: 'call.ended', occurredAt: receivedAt, receivedAt });
    await t.db.ingestEvent.createMany({ data: [ingest('old', ago(36 * DAY)), ingest('new', ago(34 * DAY))] });
    const connector = await t.db.connector.create({ data: { workspaceId, platform: 'bland', name: 'c', secretSealed: 'sealed' } });
    connectorId = connector.id;
    await t.db.connectorDelivery.createMany({
      data: [
        { workspaceId, connectorId, result: 'accepted', receivedAt: ago(36 * DAY), payload: Buffer.from('old') },
        { workspaceId, connectorId, result: 'accepted', receivedAt: ago(34 * DAY), payload: Buffer.from('new') },
      ],
    });
  });
  afterAll(() => t?.dispose());

  it('deletes dead sessions, old windows, attempts, leases, ingest ids and deliveries; keeps the live ones', async () => {
    const job = findJob('prune')!;
    expect(job.schedule).toBe('37 * * * *');
    const result = await runJob(t, job, { trigger: 'manual', now: () => NOW, attempts: 1 });
    expect(result).toMatchObject({
      status: 'succeeded',
      summary: { sessions: 3, rateLimitCounters: 1, signInAttempts: 1, resourceLeases: 1, ingestEvents: 1, connectorDeliveries: 1 },
    });
    expect((await t.db.userSession.findMany()).map((s) => s.ip)).toEqual(['live']);
    expect((await t.db.rateLimitCounter.findMany()).map((r) => r.key)).toEqual(['user:new']);
    expect((await t.db.signInAttempt.findMany()).map((r) => r.key)).toEqual(['ip:new']);
    expect(await t.db.resourceLease.count()).toBe(1);
    expect((await t.db.ingestEvent.findMany()).map((r) => r.eventId)).toEqual(['new']);
    expect((await t.db.connectorDelivery.findMany({ where: { connectorId } })).map((r) => Buffer.from(r.payload!).toString())).toEqual(['new']);

    // Again: nothing left to delete, and each run is in job_runs.
    const again = await runJob(t, job, { trigger: 'manual', now: () => NOW, attempts: 1 });
    expect(again).toMatchObject({ status: 'succeeded', summary: { sessions: 0, connectorDeliveries: 0 } });
    expect(await t.db.jobRun.count({ where: { jobName: 'prune', status: 'succeeded' } })).toBe(2);
  });
});
