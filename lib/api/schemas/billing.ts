import { z } from 'zod';
import { id, instant, money } from './common';

export const billingPeriodJson = z.object({
  id,
  workspaceId: id,
  periodStart: instant,
  periodEnd: instant,
  status: z.enum(['draft', 'finalized', 'paid', 'void']),
  subscriptionAmount: money,
  usageAmount: money,
  totalAmount: money,
});

/** GET /api/workspaces/{id}/billing-periods: newest first. */
export const billingPeriodListResponse = z.object({ billingPeriods: z.array(billingPeriodJson) });
export type BillingPeriodListResponse = z.infer<typeof billingPeriodListResponse>;

/** GET /api/workspaces/{id}/usage: billed amounts only (provider cost is for platform admins, METRICS.md). Strict, so a leaked field fails the contract tests. */
export const usageResponse = z.strictObject({
  from: instant,
  to: instant,
  billingPeriod: billingPeriodJson.nullable(),
  lines: z.array(z.strictObject({ provider: z.string(), usageType: z.string(), quantity: money, billedAmount: money })),
  byProvider: z.array(z.strictObject({ provider: z.string(), billedAmount: money })),
  totals: z.strictObject({ billedAmount: money }),
});
export type UsageResponse = z.infer<typeof usageResponse>;
