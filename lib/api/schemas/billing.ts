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

/** GET /api/workspaces/{id}/usage */
export const usageResponse = z.object({
  from: instant,
  to: instant,
  billingPeriod: billingPeriodJson.nullable(),
  lines: z.array(z.object({ provider: z.string(), usageType: z.string(), quantity: money, providerCost: money, billedAmount: money })),
  byProvider: z.array(z.object({ provider: z.string(), providerCost: money, billedAmount: money })),
  totals: z.object({ providerCost: money, billedAmount: money }),
});
export type UsageResponse = z.infer<typeof usageResponse>;
