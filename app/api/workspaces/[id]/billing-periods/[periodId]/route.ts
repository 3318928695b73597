import { z } from 'zod';
import { withApi } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { emptyQuerySchema } from '@/lib/api/params';
import { invoiceResponse } from '@/lib/api/schemas';
import { getInvoice } from '@/lib/billing/invoice';

const params = z.object({ periodId: z.guid() });

/** One billing period with its line items and audit trail; every member reads it. */
export const GET = withApi(
  { access: 'workspace', params, query: emptyQuerySchema, response: invoiceResponse },
  async ({ db, workspaceId, params }) => {
    const invoice = await getInvoice(db, workspaceId, params.periodId);
    if (!invoice) throw notFound();
    return invoice;
  },
);
