import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { CallDirection, CallStatus, Sentiment } from '@/lib/analytics';

/**
 * Small builders for hand-computed fixtures. Every builder inserts exactly what it is
 * given (plus neutral defaults) so that a test's expected figures can be read off it.
 */

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`;

export async function createTier(
  db: Db,
  tier: { name?: string; monthlyFee: string; billingInterval?: 'month' | 'year' },
): Promise<string> {
  const tierName = tier.name ?? unique('tier');
  await db.subscriptionTier.create({
    data: { tierName, monthlyFee: tier.monthlyFee, billingInterval: tier.billingInterval ?? 'month' },
  });
  return tierName;
}

export async function createWorkspace(
  db: Db,
  workspace: {
    /** A chosen id, for tests where the id order must differ from the creation order. */
    id?: string;
    name?: string;
    timezone?: string;
    status?: 'active' | 'trialing' | 'past_due' | 'cancelled';
    tier?: string;
    createdAt?: Date;
    cancelledAt?: Date | null;
  } = {},
): Promise<string> {
  const name = workspace.name ?? unique('workspace');
  const created = await db.workspace.create({
    data: {
      ...(workspace.id ? { id: workspace.id } : {}),
      name,
      slug: unique('slug'),
      timezone: workspace.timezone ?? 'UTC',
      status: workspace.status ?? 'active',
      subscriptionTier: workspace.tier ?? null,
      createdAt: workspace.createdAt ?? new Date('2020-01-01T00:00:00Z'),
      cancelledAt: workspace.cancelledAt ?? null,
    },
  });
  return created.id;
}

export async function createAgent(db: Db, workspaceId: string, agent: { name?: string; deletedAt?: Date | null } = {}): Promise<string> {
  const created = await db.voiceAgent.create({
    data: { workspaceId, name: agent.name ?? unique('agent'), deletedAt: agent.deletedAt ?? null },
  });
  return created.id;
}

export type CallInput = {
  startedAt: Date | string;
  agentId?: string | null;
  status?: CallStatus;
  direction?: CallDirection;
  durationSeconds?: number | null;
  sentiment?: Sentiment | null;
  provider?: string | null;
  avgResponseMs?: number | null;
  costTotal?: string;
  intent?: string | null;
};

export async function createCall(db: Db, workspaceId: string, call: CallInput): Promise<string> {
  const created = await db.call.create({
    data: {
      workspaceId,
      agentId: call.agentId ?? null,
      direction: call.direction ?? 'inbound',
      status: call.status ?? 'completed',
      durationSeconds: call.durationSeconds === undefined ? 60 : call.durationSeconds,
      startedAt: new Date(call.startedAt),
      sentiment: call.sentiment ?? null,
      voiceProviderUsed: call.provider === undefined ? 'vapi' : call.provider,
      avgResponseMs: call.avgResponseMs ?? null,
      costTotal: call.costTotal ?? '0',
      intent: call.intent ?? null,
      metadata: call.intent ? { intent: call.intent } : {},
    },
  });
  return created.id;
}

export async function createCalls(db: Db, workspaceId: string, calls: CallInput[]): Promise<void> {
  for (const call of calls) await createCall(db, workspaceId, call);
}

export async function createUsage(
  db: Db,
  workspaceId: string,
  usage: {
    createdAt: Date | string;
    provider?: string;
    usageType?: string;
    quantity?: string;
    totalCost?: string;
    finalCost: string;
    callId?: string | null;
  },
): Promise<void> {
  await db.usageRecord.create({
    data: {
      workspaceId,
      callId: usage.callId ?? null,
      provider: usage.provider ?? 'vapi',
      usageType: usage.usageType ?? 'telephony_minutes',
      quantity: usage.quantity ?? '1',
      totalCost: usage.totalCost ?? '0',
      finalCost: usage.finalCost,
      createdAt: new Date(usage.createdAt),
    },
  });
}

export async function createBillingPeriod(
  db: Db,
  workspaceId: string,
  period: { periodStart: Date | string; periodEnd: Date | string; status?: 'draft' | 'finalized' | 'paid' | 'void'; totalAmount: string; subscriptionAmount?: string; usageAmount?: string },
): Promise<string> {
  // One row per (workspace, month, revision): a second period of the same start is its next revision.
  const revision = await db.billingPeriod.count({ where: { workspaceId, periodStart: new Date(period.periodStart) } });
  const created = await db.billingPeriod.create({
    data: {
      workspaceId,
      revision,
      periodStart: new Date(period.periodStart),
      periodEnd: new Date(period.periodEnd),
      status: period.status ?? 'paid',
      totalAmount: period.totalAmount,
      subscriptionAmount: period.subscriptionAmount ?? '0',
      usageAmount: period.usageAmount ?? '0',
    },
  });
  return created.id;
}

export async function createHealthCheck(db: Db, check: { provider: string; lastCheck: Date | string; avgLatency: number | null }): Promise<void> {
  await db.providerHealthStatus.create({
    data: { provider: check.provider, lastCheck: new Date(check.lastCheck), avgLatency: check.avgLatency },
  });
}

/** A range in UTC, for tests that do not care about time zones. */
export function utcRange(from: string, to: string, timeZone = 'UTC') {
  return { from: new Date(from), to: new Date(to), timeZone };
}
