import type { Db } from '@/lib/db';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { conflict } from '@/lib/api/errors';

export type PeriodAction = 'paid' | 'void';

/**
 * Marks a finalized period paid or void (platform admins only; METRICS.md "Billing close").
 * Only a finalized period moves, and only once: the status check and the change are one
 * UPDATE, so two admins clicking at once change it once. Returns null when the period does
 * not exist in the workspace (the caller answers 404), throws a 409 when it is not finalized.
 */
export async function setPeriodStatus(
  db: Db,
  input: { workspaceId: string; periodId: string; action: PeriodAction; reason?: string; actor: AuditActor; now?: Date },
): Promise<{ id: string; status: string } | null> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const period = await tx.billingPeriod.findFirst({
      where: { id: input.periodId, workspaceId: input.workspaceId },
      select: { id: true, status: true, invoiceNumber: true },
    });
    if (!period) return null;
    const data = input.action === 'paid' ? { status: 'paid' as const, paidAt: now } : { status: 'void' as const, voidedAt: now, voidReason: input.reason ?? null };
    const updated = await tx.billingPeriod.updateMany({ where: { id: period.id, workspaceId: input.workspaceId, status: 'finalized' }, data });
    if (updated.count !== 1) {
      throw conflict('status', `only a finalized period can be marked ${input.action}; this one is ${period.status}`);
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: `billing_period.${input.action}`,
      workspaceId: input.workspaceId,
      targetType: 'billing_period',
      targetId: period.id,
      details: { invoiceNumber: period.invoiceNumber, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { id: period.id, status: data.status };
  });
}
