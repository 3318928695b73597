import { z } from 'zod';
import { recordAudit, type AuditActor } from '@/lib/audit';
import type { Db } from '@/lib/db';

/** Settings → Reports delivery: the body of PUT and the stored row as JSON. */
export const reportDeliveryBody = z.strictObject({
  enabled: z.boolean({ error: 'must be true or false' }),
  monthly: z.boolean({ error: 'must be true or false' }).default(true),
  quarterly: z.boolean({ error: 'must be true or false' }).default(true),
  recipients: z.array(z.email('must be an email address').max(320)).max(50, 'at most 50 recipients'),
});
export type ReportDeliveryBody = z.output<typeof reportDeliveryBody>;

export async function getReportDelivery(db: Db, workspaceId: string) {
  const row = await db.reportSubscription.findUnique({ where: { workspaceId } });
  return { enabled: row?.enabled ?? false, monthly: row?.monthly ?? true, quarterly: row?.quarterly ?? true, recipients: row?.recipients ?? [] };
}

export async function saveReportDelivery(db: Db, workspaceId: string, body: ReportDeliveryBody, actor: AuditActor) {
  const recipients = [...new Set(body.recipients.map((r) => r.trim().toLowerCase()))].sort();
  return db.$transaction(async (tx) => {
    const data = { enabled: body.enabled, monthly: body.monthly, quarterly: body.quarterly, recipients };
    await tx.reportSubscription.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
    await recordAudit(tx, { actor, action: 'report_delivery.updated', workspaceId, targetType: 'report_subscription', targetId: workspaceId, details: data });
    return data;
  });
}
