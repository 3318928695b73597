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

const nullableInstant = instant.nullable();

/** GET /api/workspaces/{id}/billing-periods/{periodId}: one period with its line items (billed amounts only). */
export const invoiceResponse = z.object({
  id,
  workspaceId: id,
  workspace: z.object({ name: z.string(), slug: z.string(), timezone: z.string() }),
  seller: z.string(),
  periodStart: instant,
  periodEnd: instant,
  revision: z.number().int(),
  status: z.enum(['draft', 'finalized', 'paid', 'void']),
  invoiceNumber: z.string().nullable(),
  subscriptionAmount: money,
  usageAmount: money,
  adjustmentAmount: money,
  totalAmount: money,
  finalizedAt: nullableInstant,
  paidAt: nullableInstant,
  voidedAt: nullableInstant,
  voidReason: z.string().nullable(),
  computedAt: nullableInstant,
  lines: z.array(z.object({
    position: z.number().int(),
    kind: z.enum(['subscription', 'usage', 'credit', 'adjustment']),
    description: z.string(),
    provider: z.string().nullable(),
    usageType: z.string().nullable(),
    quantity: money.nullable(),
    unit: z.string().nullable(),
    amount: money,
    adjustsPeriodStart: nullableInstant,
  })),
  events: z.array(z.object({ action: z.string(), actor: z.string(), at: instant, reason: z.string().nullable() })),
});
export type InvoiceResponse = z.infer<typeof invoiceResponse>;

/** POST …/billing-periods/{periodId}/paid | void */
export const periodStatusResponse = z.object({ id, status: z.enum(['paid', 'void']) });
