import { z } from 'zod';
import { withApi } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { emptyQuerySchema } from '@/lib/api/params';
import { getInvoice } from '@/lib/billing/invoice';
import { invoicePdf } from '@/lib/billing/pdf';
import { reportDownload } from '@/lib/reports/files';

const params = z.object({ periodId: z.guid() });

/** The invoice PDF: owners and workspace admins download (every member reads the page). */
export const GET = withApi({ access: 'workspace', role: 'admin', params, query: emptyQuerySchema }, async ({ db, workspaceId, params }) => {
  const invoice = await getInvoice(db, workspaceId, params.periodId);
  if (!invoice) throw notFound();
  const period = invoice.invoiceNumber ?? `draft-${invoice.periodStart.toISOString().slice(0, 10)}`;
  return reportDownload(new Uint8Array(await invoicePdf(invoice, new Date())), {
    kind: 'invoice', slug: invoice.workspace.slug, period, extension: 'pdf', contentType: 'application/pdf',
  });
});
