import { Prisma, type Db } from '@/lib/db';

export type AdminPeriodRow = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  timezone: string;
  month: string;
  status: 'draft' | 'finalized' | 'paid' | 'void';
  invoiceNumber: string | null;
  totalAmount: string;
  revision: number;
};

export const PERIOD_STATUSES = ['draft', 'finalized', 'paid', 'void'] as const;

/**
 * Every billing period across workspaces for /admin/billing, newest month first: `month`
 * is the local month the period bills (YYYY-MM in its workspace's zone), `status` one of
 * PERIOD_STATUSES. At most `limit` rows.
 */
export async function listAllPeriods(db: Db, filter: { month?: string; status?: string }, limit = 500): Promise<AdminPeriodRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.month) conditions.push(Prisma.sql`to_char(b.period_start AT TIME ZONE w.timezone, 'YYYY-MM') = ${filter.month}`);
  if (filter.status) conditions.push(Prisma.sql`b.status = ${filter.status}::billing_period_status`);
  return db.$queryRaw<AdminPeriodRow[]>`
    SELECT b.id::text AS id, w.id::text AS "workspaceId", w.name AS "workspaceName", w.timezone,
           to_char(b.period_start AT TIME ZONE w.timezone, 'YYYY-MM') AS month, b.status::text AS status,
           b.invoice_number AS "invoiceNumber", b.total_amount::text AS "totalAmount", b.revision
    FROM billing_periods b JOIN workspaces w ON w.id = b.workspace_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY b.period_start DESC, w.name ASC, b.revision DESC
    LIMIT ${limit}`;
}
