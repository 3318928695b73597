'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { getCaller } from '@/lib/auth/server';
import { setPeriodStatus } from '@/lib/billing/actions';
import { closeBilling } from '@/lib/billing/close';
import { monthLabel, localMonthOf } from '@/lib/billing/months';
import { getDb } from '@/lib/db';

export type ActionState = { ok?: string; error?: string; field?: string };

const markSchema = z.object({
  workspaceId: z.guid(),
  periodId: z.guid(),
  action: z.enum(['paid', 'void', 'reclose']),
  reason: z.string().trim().max(500).optional(),
});

/**
 * Mark paid / void (with a reason) / re-close a void period: platform admins only, the
 * same rules and audit entries as the JSON API (lib/billing/actions, lib/billing/close).
 */
export async function periodAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const caller = await getCaller();
  if (!caller?.isPlatformAdmin) return { error: 'Only platform admins can change a billing period.' };
  const parsed = markSchema.safeParse({
    workspaceId: form.get('workspaceId'), periodId: form.get('periodId'), action: form.get('action'), reason: form.get('reason') ?? undefined,
  });
  if (!parsed.success) return { error: 'Invalid request.' };
  const { workspaceId, periodId, action, reason } = parsed.data;
  if (action === 'void' && (!reason || reason.length < 3)) return { error: 'Give a reason (at least 3 characters).', field: 'reason' };
  const db = await getDb();
  try {
    if (action === 'reclose') {
      const period = await db.billingPeriod.findFirst({ where: { id: periodId, workspaceId, status: 'void' }, include: { workspace: { select: { timezone: true } } } });
      if (!period) return { error: 'Only a void period can be re-closed.' };
      const summary = await closeBilling(db, {
        now: new Date(), workspaceId, month: monthLabel(localMonthOf(period.periodStart, period.workspace.timezone)),
        actor: callerActor(caller, clientIp(await headers())),
      });
      if (summary.reclosed !== 1) return { error: 'The month already has a live period, or it has not ended.' };
      revalidatePath('/admin/billing');
      return { ok: `Re-closed as ${summary.invoices[0]}.` };
    }
    const result = await setPeriodStatus(db, { workspaceId, periodId, action, reason, actor: callerActor(caller, clientIp(await headers())) });
    if (!result) return { error: 'Billing period not found.' };
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin/billing');
  revalidatePath(`/workspaces/${workspaceId}/billing`, 'layout');
  return { ok: action === 'paid' ? 'Marked paid.' : 'Marked void.' };
}
