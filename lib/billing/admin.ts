import { z } from 'zod';
import { once } from '@/lib/api/query';
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

/** The filter form sends empty fields for "any": the same as leaving them out. */
const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);

/** Rows per page of /admin/billing. */
export const PERIODS_PER_PAGE = 50;

/**
 * /admin/billing's query string: `month` (YYYY-MM), `status`, `page` (from 1). Bad input is
 * named on the page, never silently dropped.
 */
export const adminPeriodsQuerySchema = z
  .object({
    month: once(z.preprocess(blankAsAbsent, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM').optional())),
    status: once(z.preprocess(blankAsAbsent, z.enum(PERIOD_STATUSES, `must be one of ${PERIOD_STATUSES.join(', ')}`).optional())),
    page: once(z.preprocess(blankAsAbsent, z.string().regex(/^[1-9]\d{0,5}$/, 'must be a whole number from 1').optional())),
  })
  .transform((q) => ({ month: q.month, status: q.status, page: q.page ? Number(q.page) : 1 }));
export type AdminPeriodsQuery = z.output<typeof adminPeriodsQuerySchema>;

export type AdminPeriodPage = { rows: AdminPeriodRow[]; total: number; page: number; pageCount: number };

/**
 * Every billing period across workspaces for /admin/billing, newest month first, one page
 * of PERIODS_PER_PAGE: `month` is the local month the period bills (YYYY-MM in its
 * workspace's zone), `status` one of PERIOD_STATUSES. A page past the last is empty.
 */
export async function listAllPeriods(db: Db, filter: { month?: string; status?: string; page?: number }): Promise<AdminPeriodPage> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.month) conditions.push(Prisma.sql`to_char(b.period_start AT TIME ZONE w.timezone, 'YYYY-MM') = ${filter.month}`);
  if (filter.status) conditions.push(Prisma.sql`b.status = ${filter.status}::billing_period_status`);
  const where = Prisma.join(conditions, ' AND ');
  const page = filter.page ?? 1;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<AdminPeriodRow[]>`
      SELECT b.id::text AS id, w.id::text AS "workspaceId", w.name AS "workspaceName", w.timezone,
             to_char(b.period_start AT TIME ZONE w.timezone, 'YYYY-MM') AS month, b.status::text AS status,
             b.invoice_number AS "invoiceNumber", b.total_amount::text AS "totalAmount", b.revision
      FROM billing_periods b JOIN workspaces w ON w.id = b.workspace_id
      WHERE ${where}
      ORDER BY b.period_start DESC, w.name ASC, b.revision DESC, b.id ASC
      LIMIT ${PERIODS_PER_PAGE} OFFSET ${(page - 1) * PERIODS_PER_PAGE}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM billing_periods b JOIN workspaces w ON w.id = b.workspace_id WHERE ${where}`,
  ]);
  const total = count!.total;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PERIODS_PER_PAGE)) };
}
