import bcrypt from 'bcryptjs';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { installConnection, type Db } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import type { TestUser } from './session';

/**
 * For one suite: a fresh database, installed as the app's (route handlers read it), with
 * the world below seeded; `ready` hands both to the suite. Dropped after the suite.
 */
export function withSeededWorld(ready: (t: TestDatabase, w: World) => void, options: { each?: boolean } = {}): void {
  let t: TestDatabase | undefined;
  // each: a new world per test, for suites whose tests change it and must still stand alone.
  (options.each ? beforeEach : beforeAll)(async () => {
    t = await createTestDatabase();
    installConnection(t.connection, t.db);
    ready(t, await seedWorld(t.db));
  });
  (options.each ? afterEach : afterAll)(() => t?.dispose());
}

/**
 * A tiny known world: workspace A (New York) and B (Kolkata), each with agents, calls,
 * usage and billing periods in March 2026; an owner and a viewer of A, a member of B,
 * a platform admin who is a member of nothing. Every figure of A differs from B's, so a
 * leak shows up as a wrong number or a foreign id.
 */
export type World = {
  a: string;
  b: string;
  agentA: string;
  deletedAgentA: string;
  agentB: string;
  periodA: string;
  periodB: string;
  callIdsA: string[];
  callIdsB: string[];
  ownerA: TestUser;
  viewerA: TestUser;
  memberB: TestUser;
  admin: TestUser;
  password: string;
};

export const MARCH = 'from=2026-03-01&to=2026-03-31';

export async function seedWorld(db: Db): Promise<World> {
  const password = 'correct horse battery staple';
  const passwordHash = bcrypt.hashSync(password, 4);
  await db.subscriptionTier.create({ data: { tierName: 'pro', monthlyFee: '99.000000', markup: '1.3000' } });
  const a = await db.workspace.create({ data: { name: 'Alpha', slug: 'alpha', timezone: 'America/New_York', status: 'active', subscriptionTier: 'pro' } });
  const b = await db.workspace.create({ data: { name: 'Beta', slug: 'beta', timezone: 'Asia/Kolkata', status: 'active', subscriptionTier: 'pro' } });
  const user = (email: string, isPlatformAdmin = false) => db.user.create({ data: { email, passwordHash, isPlatformAdmin } });
  const [ownerA, viewerA, memberB, admin] = await Promise.all([
    user('owner.a@example.com'),
    user('viewer.a@example.com'),
    user('member.b@example.com'),
    user('admin@example.com', true),
  ]);
  await db.membership.createMany({
    data: [
      { userId: ownerA.id, workspaceId: a.id, role: 'owner' },
      { userId: viewerA.id, workspaceId: a.id, role: 'viewer' },
      { userId: memberB.id, workspaceId: b.id, role: 'member' },
    ],
  });
  const agentA = await db.voiceAgent.create({ data: { workspaceId: a.id, name: 'Ava' } });
  const deletedAgentA = await db.voiceAgent.create({ data: { workspaceId: a.id, name: 'Old Bot', deletedAt: new Date('2026-03-20T00:00:00Z') } });
  const agentB = await db.voiceAgent.create({ data: { workspaceId: b.id, name: 'Bela' } });

  const callsA = await db.call.createManyAndReturn({
    select: { id: true },
    data: Array.from({ length: 7 }, (_, i) => ({
      workspaceId: a.id,
      agentId: i === 6 ? deletedAgentA.id : agentA.id,
      callerNumber: `+1555000${i}`,
      direction: i % 2 ? ('outbound' as const) : ('inbound' as const),
      status: i === 5 ? ('failed' as const) : ('completed' as const),
      durationSeconds: i === 4 ? null : 60 * (i + 1),
      startedAt: new Date(Date.UTC(2026, 2, 2 + i, 15, 0, 0)),
      endedAt: new Date(Date.UTC(2026, 2, 2 + i, 15, 10, 0)),
      sentiment: i % 3 === 0 ? ('positive' as const) : null,
      voiceProviderUsed: i % 2 ? 'vapi' : 'twilio',
      costTotal: `${i + 1}.250000`,
      intent: i % 2 ? 'billing' : 'support',
    })),
  });
  const callsB = await db.call.createManyAndReturn({
    select: { id: true },
    data: Array.from({ length: 3 }, (_, i) => ({
      workspaceId: b.id,
      agentId: agentB.id,
      callerNumber: `+9198000${i}`,
      direction: 'inbound' as const,
      status: 'completed' as const,
      durationSeconds: 1000 + i,
      startedAt: new Date(Date.UTC(2026, 2, 10 + i, 6, 0, 0)),
      voiceProviderUsed: 'secret-provider-b',
      costTotal: '77.000000',
      intent: 'beta-only',
    })),
  });
  await db.usageRecord.createMany({
    data: [
      { workspaceId: a.id, callId: callsA[0]!.id, provider: 'twilio', usageType: 'telephony_minutes', quantity: '1', totalCost: '1.000000', finalCost: '1.300000', createdAt: new Date('2026-03-02T15:05:00Z') },
      { workspaceId: a.id, callId: callsA[1]!.id, provider: 'vapi', usageType: 'llm_tokens', quantity: '1000', totalCost: '2.000000', finalCost: '2.600000', createdAt: new Date('2026-03-03T15:05:00Z') },
      { workspaceId: b.id, callId: callsB[0]!.id, provider: 'secret-provider-b', usageType: 'telephony_minutes', quantity: '17', totalCost: '53.417291', finalCost: '77.000000', createdAt: new Date('2026-03-10T06:05:00Z') },
    ],
  });
  const periodA = await db.billingPeriod.create({
    data: { workspaceId: a.id, periodStart: new Date('2026-03-01T05:00:00Z'), periodEnd: new Date('2026-04-01T04:00:00Z'), status: 'paid', subscriptionAmount: '99.000000', usageAmount: '3.900000', totalAmount: '102.900000' },
  });
  const periodB = await db.billingPeriod.create({
    data: { workspaceId: b.id, periodStart: new Date('2026-02-28T18:30:00Z'), periodEnd: new Date('2026-03-31T18:30:00Z'), status: 'finalized', subscriptionAmount: '99.000000', usageAmount: '77.000000', totalAmount: '176.000000' },
  });
  await db.providerHealthStatus.create({ data: { provider: 'twilio', lastCheck: new Date('2026-03-05T00:00:00Z'), avgLatency: 120, successRate: 99.5 } });

  const asUser = (u: { id: string; email: string; isPlatformAdmin: boolean }): TestUser => ({ id: u.id, email: u.email, isPlatformAdmin: u.isPlatformAdmin });
  return {
    a: a.id,
    b: b.id,
    agentA: agentA.id,
    deletedAgentA: deletedAgentA.id,
    agentB: agentB.id,
    periodA: periodA.id,
    periodB: periodB.id,
    callIdsA: callsA.map((c) => c.id),
    callIdsB: callsB.map((c) => c.id),
    ownerA: asUser(ownerA),
    viewerA: asUser(viewerA),
    memberB: asUser(memberB),
    admin: asUser(admin),
    password,
  };
}
