import { z } from 'zod';
import { forbidden, notFound } from '@/lib/api/errors';
import type { Caller } from '@/lib/auth/caller';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import type { Db } from '@/lib/db';
import { setPeriodStatus, type PeriodAction } from './actions';

export const periodParams = z.object({ periodId: z.guid() });
export const voidBody = z.object({ reason: z.string().trim().min(3, 'give a reason (at least 3 characters)').max(500) });

/**
 * POST …/billing-periods/{periodId}/paid | void: platform admins only. Another workspace's
 * period is a 404 (the wrapper's access check, then the period lookup), a workspace
 * member's attempt 403, a period that is not finalized 409. Audited in the same transaction.
 */
export async function markPeriod(
  ctx: { db: Db; caller: Caller; workspaceId: string; params: { periodId: string }; request: Request },
  action: PeriodAction,
  reason?: string,
): Promise<{ id: string; status: PeriodAction }> {
  if (!ctx.caller.isPlatformAdmin) throw forbidden();
  const result = await setPeriodStatus(ctx.db, {
    workspaceId: ctx.workspaceId, periodId: ctx.params.periodId, action, reason, actor: callerActor(ctx.caller, clientIp(ctx.request.headers)),
  });
  if (!result) throw notFound();
  return { id: result.id, status: action };
}
