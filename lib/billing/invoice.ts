import type { Db } from '@/lib/db';

export type LineKind = 'subscription' | 'usage' | 'credit' | 'adjustment';

export type InvoiceLine = {
  position: number;
  kind: LineKind;
  description: string;
  provider: string | null;
  usageType: string | null;
  quantity: string | null;
  unit: string | null;
  amount: string;
  adjustsPeriodStart: Date | null;
};

export type InvoiceEvent = { action: string; actor: string; at: Date; reason: string | null };

export type Invoice = {
  id: string;
  workspaceId: string;
  workspace: { name: string; slug: string; timezone: string };
  seller: string;
  periodStart: Date;
  periodEnd: Date;
  revision: number;
  status: 'draft' | 'finalized' | 'paid' | 'void';
  invoiceNumber: string | null;
  subscriptionAmount: string;
  usageAmount: string;
  adjustmentAmount: string;
  totalAmount: string;
  finalizedAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  computedAt: Date | null;
  lines: InvoiceLine[];
  /** The period's audit trail (finalized, paid, void, re-closed), oldest first. */
  events: InvoiceEvent[];
};

/** The seller on every invoice: PLATFORM_NAME, else "VoiceDash". */
export function sellerName(env: Record<string, string | undefined> = process.env): string {
  return env.PLATFORM_NAME?.trim() || 'VoiceDash';
}

/**
 * One period of one workspace with its line items and audit trail; null when the period is
 * not that workspace's (the caller answers 404). Billed amounts only: no provider cost.
 */
export async function getInvoice(db: Db, workspaceId: string, periodId: string): Promise<Invoice | null> {
  const period = await db.billingPeriod.findFirst({
    where: { id: periodId, workspaceId },
    include: {
      workspace: { select: { name: true, slug: true, timezone: true } },
      lineItems: { orderBy: { position: 'asc' } },
    },
  });
  if (!period) return null;
  const events = await db.auditLog.findMany({
    where: { targetType: 'billing_period', targetId: period.id, workspaceId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { action: true, actorLabel: true, createdAt: true, details: true },
  });
  return {
    id: period.id,
    workspaceId: period.workspaceId,
    workspace: period.workspace,
    seller: sellerName(),
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    revision: period.revision,
    status: period.status,
    invoiceNumber: period.invoiceNumber,
    subscriptionAmount: period.subscriptionAmount.toFixed(6),
    usageAmount: period.usageAmount.toFixed(6),
    adjustmentAmount: period.adjustmentAmount.toFixed(6),
    totalAmount: period.totalAmount.toFixed(6),
    finalizedAt: period.finalizedAt,
    paidAt: period.paidAt,
    voidedAt: period.voidedAt,
    voidReason: period.voidReason,
    computedAt: period.computedAt,
    lines: period.lineItems.map((l) => ({
      position: l.position,
      kind: l.kind as LineKind,
      description: l.description,
      provider: l.provider,
      usageType: l.usageType,
      quantity: l.quantity?.toFixed(6) ?? null,
      unit: l.unit,
      amount: l.amount.toFixed(6),
      adjustsPeriodStart: l.adjustsPeriodStart,
    })),
    events: events.map((e) => ({
      action: e.action.replace(/^billing_period\./, ''),
      actor: e.actorLabel,
      at: e.createdAt,
      reason: typeof e.details === 'object' && e.details && 'reason' in e.details ? String((e.details as { reason: unknown }).reason) : null,
    })),
  };
}

export type InvoiceSummary = {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  revision: number;
  status: Invoice['status'];
  invoiceNumber: string | null;
  subscriptionAmount: string;
  usageAmount: string;
  adjustmentAmount: string;
  totalAmount: string;
};

/** A workspace's periods for its Billing page, newest month first (a re-closed month: newest revision first). */
export async function listInvoices(db: Db, workspaceId: string): Promise<InvoiceSummary[]> {
  const rows = await db.billingPeriod.findMany({
    where: { workspaceId },
    orderBy: [{ periodStart: 'desc' }, { revision: 'desc' }],
    select: {
      id: true, periodStart: true, periodEnd: true, revision: true, status: true, invoiceNumber: true,
      subscriptionAmount: true, usageAmount: true, adjustmentAmount: true, totalAmount: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    subscriptionAmount: r.subscriptionAmount.toFixed(6),
    usageAmount: r.usageAmount.toFixed(6),
    adjustmentAmount: r.adjustmentAmount.toFixed(6),
    totalAmount: r.totalAmount.toFixed(6),
  }));
}
