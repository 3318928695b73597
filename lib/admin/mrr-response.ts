import { z } from 'zod';
import { id, instant, money } from '@/lib/api/schemas/common';
import { SUBSCRIPTION_STATUSES } from '@/lib/billing/subscription';

const yearMonth = z.string().regex(/^\d{4}-\d{2}$/);

/** GET /api/admin/mrr: the contract named in issue 19 (keep it exactly). */
export const adminMrrResponse = z.strictObject({
  months: z.array(
    z.strictObject({
      month: yearMonth,
      starting: money,
      new: money,
      expansion: money,
      contraction: money,
      churn: money,
      reactivation: money,
      ending: money,
    }),
  ),
});
export type AdminMrrResponse = z.infer<typeof adminMrrResponse>;

const status = z.enum(SUBSCRIPTION_STATUSES);

export const planHistoryEntry = z.object({
  id,
  occurredAt: instant,
  kind: z.string(),
  fromStatus: status.nullable(),
  toStatus: status,
  fromTier: z.string().nullable(),
  toTier: z.string().nullable(),
  mrrBefore: money,
  mrrAfter: money,
  actor: z.string(),
  reason: z.string().nullable(),
});

export const currentPlan = z.object({
  workspaceId: id,
  name: z.string(),
  status,
  tier: z.string().nullable(),
  mrr: money,
  cancelledAt: instant.nullable(),
  fee: money.nullable(),
  billingInterval: z.enum(['month', 'year']).nullable(),
});

/** GET /api/workspaces/{id}/plan and GET /api/admin/workspaces/{id}/subscription. */
export const planResponse = z.object({ plan: currentPlan, history: z.array(planHistoryEntry) });

/** POST /api/admin/workspaces/{id}/subscription: the state after the change. */
export const subscriptionChangeResponse = z.object({
  workspaceId: id,
  status,
  tier: z.string().nullable(),
  mrr: money,
  cancelledAt: instant.nullable(),
});
