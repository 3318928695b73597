import { createPrismaClient, type Connection } from '@/lib/db';
import { closeBilling } from '@/lib/billing/close';
import type { SeedSession } from './bulk-load';

/**
 * Inside the seed's transaction: trials end 30 days after creation, and the invoice counter
 * starts again (every period was truncated with the rest of the data).
 */
export async function prepareBilling(session: SeedSession): Promise<void> {
  await session.query(`UPDATE workspaces SET trial_ends_at = created_at + interval '30 days' WHERE status = 'trialing'`);
  await session.query(`INSERT INTO counters (name, value) VALUES ('invoice', 0) ON CONFLICT (name) DO UPDATE SET value = 0`);
}

/**
 * The demo's billing periods are real ones: the product's own billing close (lib/billing)
 * run at the seed's anchor finalizes every ended month and drafts the current one. Then
 * the demo's payment history: periods two or more local months old are paid (ten days
 * after their end), the previous month's stay finalized, and a past-due workspace's last two
 * are unpaid. Each payment is in the audit log, as an admin's would be.
 */
export async function seedBillingPeriods(connection: Connection, nowMs: number): Promise<{ finalized: number; drafts: number }> {
  // Not disconnected: it shares the caller's connection, which the caller closes.
  const db = createPrismaClient(connection);
  {
    const now = new Date(nowMs);
    const summary = await closeBilling(db, { now });
    await db.$executeRaw`
      WITH aged AS (
        SELECT b.id, b.workspace_id, b.invoice_number, b.period_end, w.status AS workspace_status,
               (extract(year FROM ${now}::timestamptz AT TIME ZONE w.timezone) * 12 + extract(month FROM ${now}::timestamptz AT TIME ZONE w.timezone))
             - (extract(year FROM b.period_start AT TIME ZONE w.timezone) * 12 + extract(month FROM b.period_start AT TIME ZONE w.timezone)) AS age
        FROM billing_periods b JOIN workspaces w ON w.id = b.workspace_id
        WHERE b.status = 'finalized'
      ), paid AS (
        UPDATE billing_periods b
           SET status = 'paid', paid_at = LEAST(a.period_end + interval '10 days', ${now}::timestamptz)
          FROM aged a
         WHERE b.id = a.id AND a.age >= 2 AND NOT (a.workspace_status = 'past_due' AND a.age <= 2)
        RETURNING b.id, b.workspace_id, b.invoice_number, b.paid_at
      )
      INSERT INTO audit_log (workspace_id, actor_label, action, target_type, target_id, details, created_at)
      SELECT workspace_id, 'cli', 'billing_period.paid', 'billing_period', id::text, jsonb_build_object('invoiceNumber', invoice_number), paid_at
      FROM paid
      ORDER BY paid_at, id`;
    return { finalized: summary.finalized, drafts: summary.drafts };
  }
}
