import { z } from 'zod';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { badRequest, notFound } from '@/lib/api/errors';
import { Prisma, type Db } from '@/lib/db';

/**
 * Plan changes by platform admins: change the tier, start or end a trial, cancel (with a
 * reason), reactivate. Each one updates the workspace row, appends to
 * subscription_history and records an audit entry in ONE transaction: all three or none.
 */

export const SUBSCRIPTION_STATUSES = ['active', 'trialing', 'past_due', 'cancelled'] as const;
export type WorkspaceStatus = (typeof SUBSCRIPTION_STATUSES)[number];

const tierName = z.string().trim().min(1, 'must name a tier').max(64, 'at most 64 characters');

export const subscriptionChangeSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('change_tier'), tier: tierName }),
    z.object({ action: z.literal('start_trial'), tier: tierName.optional() }),
    z.object({ action: z.literal('end_trial'), convert: z.boolean('must be true (convert to paid) or false (let it lapse)') }),
    z.object({ action: z.literal('cancel'), reason: z.string('must say why').trim().min(1, 'must say why').max(500, 'at most 500 characters') }),
    z.object({ action: z.literal('reactivate'), tier: tierName.optional() }),
  ],
  { error: 'must be one of change_tier, start_trial, end_trial, cancel, reactivate' },
);
export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;

export type SubscriptionState = { workspaceId: string; status: WorkspaceStatus; tier: string | null; mrr: string; cancelledAt: Date | null };

export type PlanHistoryEntry = {
  id: string;
  occurredAt: Date;
  kind: string;
  fromStatus: WorkspaceStatus | null;
  toStatus: WorkspaceStatus;
  fromTier: string | null;
  toTier: string | null;
  mrrBefore: string;
  mrrAfter: string;
  actor: string;
  reason: string | null;
};

type Tier = { tierName: string; monthlyFee: Prisma.Decimal; billingInterval: 'month' | 'year' };

/** A tier's fee per month (yearly / 12, rounded to 6 places), as MRR counts it. */
export function monthlyFee(tier: Pick<Tier, 'monthlyFee' | 'billingInterval'>): Prisma.Decimal {
  const fee = new Prisma.Decimal(tier.monthlyFee);
  return tier.billingInterval === 'year' ? fee.div(12).toDecimalPlaces(6, Prisma.Decimal.ROUND_HALF_UP) : fee;
}

/** MRR of a state: the tier's monthly fee when active, else 0 (trialing, past due, cancelled). */
export function stateMrr(status: WorkspaceStatus, tier: Tier | null): Prisma.Decimal {
  return status === 'active' && tier ? monthlyFee(tier) : new Prisma.Decimal(0);
}

type Planned = { kind: string; status: WorkspaceStatus; tier: string | null; cancelledAt: Date | null; reason: string | null };

function plan(current: { status: WorkspaceStatus; tier: string | null; cancelledAt: Date | null }, change: SubscriptionChange, now: Date): Planned {
  const keep = { tier: current.tier, cancelledAt: current.cancelledAt, reason: null };
  switch (change.action) {
    case 'change_tier':
      if (current.status === 'cancelled') throw badRequest('action', 'action: the workspace is cancelled; reactivate it to change its tier');
      if (change.tier === current.tier) throw badRequest('tier', `tier: the workspace is already on ${change.tier}`);
      return { ...keep, kind: 'tier_changed', status: current.status, tier: change.tier };
    case 'start_trial':
      if (current.status !== 'cancelled') throw badRequest('action', `action: only a cancelled workspace can start a trial (it is ${current.status})`);
      return { ...keep, kind: 'trial_started', status: 'trialing', tier: change.tier ?? current.tier, cancelledAt: null };
    case 'end_trial':
      if (current.status !== 'trialing') throw badRequest('action', `action: the workspace is not trialing (it is ${current.status})`);
      return change.convert
        ? { ...keep, kind: 'trial_converted', status: 'active' }
        : { ...keep, kind: 'trial_expired', status: 'cancelled', cancelledAt: now, reason: 'trial ended without converting' };
    case 'cancel':
      if (current.status === 'cancelled') throw badRequest('action', 'action: the workspace is already cancelled');
      return { ...keep, kind: 'cancelled', status: 'cancelled', cancelledAt: now, reason: change.reason };
    case 'reactivate':
      if (current.status !== 'cancelled' && current.status !== 'past_due') throw badRequest('action', `action: only a cancelled or past-due workspace can be reactivated (it is ${current.status})`);
      return { ...keep, kind: current.status === 'past_due' ? 'payment_recovered' : 'reactivated', status: 'active', tier: change.tier ?? current.tier, cancelledAt: null };
  }
}

/**
 * Applies one change. 404 when the workspace does not exist; 400 naming the field when
 * the tier is unknown or the change does not apply to the current state (cancel twice).
 * The workspace row is locked first, so concurrent changes apply one after the other.
 */
export async function changeSubscription(db: Db, workspaceId: string, change: SubscriptionChange, actor: AuditActor, now: Date = new Date()): Promise<SubscriptionState> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    if (!locked) throw notFound();
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { status: true, subscriptionTier: true, cancelledAt: true } });
    const current = { status: workspace.status as WorkspaceStatus, tier: workspace.subscriptionTier, cancelledAt: workspace.cancelledAt };
    const next = plan(current, change, now);
    if (next.tier !== null && next.tier !== current.tier) {
      const exists = await tx.subscriptionTier.findUnique({ where: { tierName: next.tier }, select: { tierName: true } });
      if (!exists) throw badRequest('tier', `tier: no tier named ${JSON.stringify(next.tier)}`);
    }
    if (next.status === 'active' && next.tier === null) throw badRequest('tier', 'tier: an active workspace needs a tier');
    const tiers = await tx.subscriptionTier.findMany({
      where: { tierName: { in: [current.tier, next.tier].filter((t): t is string => t !== null) } },
      select: { tierName: true, monthlyFee: true, billingInterval: true },
    });
    const tierOf = (name: string | null) => tiers.find((t) => t.tierName === name) ?? null;
    // Before = what the history says the workspace paid, so the movements chain exactly.
    const [last] = await tx.$queryRaw<{ mrr: string }[]>`
      SELECT mrr_after::text AS mrr FROM subscription_history
      WHERE workspace_id = ${workspaceId}::uuid ORDER BY occurred_at DESC, created_at DESC, id DESC LIMIT 1`;
    const mrrBefore = last ? new Prisma.Decimal(last.mrr) : stateMrr(current.status, tierOf(current.tier));
    const mrrAfter = stateMrr(next.status, tierOf(next.tier));

    await tx.workspace.update({
      where: { id: workspaceId },
      data: { status: next.status, subscriptionTier: next.tier, cancelledAt: next.cancelledAt },
    });
    const entry = await tx.subscriptionHistory.create({
      data: {
        workspaceId,
        occurredAt: now,
        kind: next.kind,
        fromStatus: current.status,
        toStatus: next.status,
        fromTier: current.tier,
        toTier: next.tier,
        mrrBefore,
        mrrAfter,
        actorUserId: actor.userId,
        actorLabel: actor.label.slice(0, 320),
        reason: next.reason,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: `subscription.${next.kind}`,
      workspaceId,
      targetType: 'workspace',
      targetId: workspaceId,
      details: {
        historyId: entry.id,
        from: { status: current.status, tier: current.tier },
        to: { status: next.status, tier: next.tier },
        mrrBefore: mrrBefore.toFixed(6),
        mrrAfter: mrrAfter.toFixed(6),
        ...(next.reason ? { reason: next.reason } : {}),
      },
    });
    return { workspaceId, status: next.status, tier: next.tier, mrr: mrrAfter.toFixed(6), cancelledAt: next.cancelledAt };
  });
}

/**
 * A workspace's plan history, newest first (the caller has checked access). Owners see
 * changes by people as "VoiceDash staff"; platform admins (`forStaff`) see who.
 */
export async function listPlanHistory(db: Db, workspaceId: string, options: { forStaff?: boolean } = {}): Promise<PlanHistoryEntry[]> {
  const rows = await db.subscriptionHistory.findMany({
    where: { workspaceId },
    orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    kind: row.kind,
    fromStatus: row.fromStatus as WorkspaceStatus | null,
    toStatus: row.toStatus as WorkspaceStatus,
    fromTier: row.fromTier,
    toTier: row.toTier,
    mrrBefore: row.mrrBefore.toFixed(6),
    mrrAfter: row.mrrAfter.toFixed(6),
    actor: row.actorUserId && !options.forStaff ? 'VoiceDash staff' : row.actorLabel,
    reason: row.reason,
  }));
}

export type CurrentPlanInfo = SubscriptionState & { name: string; fee: string | null; billingInterval: 'month' | 'year' | null };

/** The plan and its history, or null when the workspace does not exist (pages render 404). */
export async function getPlanWithHistory(db: Db, workspaceId: string, options: { forStaff?: boolean } = {}): Promise<{ plan: CurrentPlanInfo; history: PlanHistoryEntry[] } | null> {
  const exists = await db.workspace.count({ where: { id: workspaceId } });
  if (!exists) return null;
  const [plan, history] = await Promise.all([getCurrentPlan(db, workspaceId), listPlanHistory(db, workspaceId, options)]);
  return { plan, history };
}

/** The current plan of a workspace with its MRR; 404 when it does not exist. */
export async function getCurrentPlan(db: Db, workspaceId: string): Promise<CurrentPlanInfo> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, name: true, status: true, subscriptionTier: true, cancelledAt: true, tier: { select: { tierName: true, monthlyFee: true, billingInterval: true } } },
  });
  if (!workspace) throw notFound();
  return {
    workspaceId: workspace.id,
    name: workspace.name,
    status: workspace.status as WorkspaceStatus,
    tier: workspace.subscriptionTier,
    mrr: stateMrr(workspace.status as WorkspaceStatus, workspace.tier).toFixed(6),
    cancelledAt: workspace.cancelledAt,
    fee: workspace.tier ? workspace.tier.monthlyFee.toFixed(6) : null,
    billingInterval: workspace.tier?.billingInterval ?? null,
  };
}
