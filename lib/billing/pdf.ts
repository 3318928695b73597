import { formatDate, formatGeneratedAt, formatMoney, formatQuantity, formatRangeDates } from '@/lib/reports/format';
import { createPdf, footers, header, infoBox, paragraph, pdfBytes, sectionTitle, table, type TableRow } from '@/lib/reports/pdf/document';
import type { Invoice } from './invoice';

export const STATUS_LABELS: Record<Invoice['status'], string> = { draft: 'Draft', finalized: 'Finalized (due)', paid: 'Paid', void: 'Void' };

/** "Invoice INV-2026-000123", or "Draft invoice" while the month runs. */
export function invoiceTitle(invoice: Pick<Invoice, 'invoiceNumber'>): string {
  return invoice.invoiceNumber ? `Invoice ${invoice.invoiceNumber}` : 'Draft invoice';
}

/**
 * The invoice as a PDF (pdfkit, standard fonts, as the reports): number, seller and
 * customer, period in local dates, line items, total and status. Billed amounts only.
 */
export function invoicePdf(invoice: Invoice, generatedAt: Date): Promise<Buffer> {
  const tz = invoice.workspace.timezone;
  const title = invoiceTitle(invoice);
  const doc = createPdf({ title: `${invoice.workspace.name}: ${title}`, subject: 'Subscription and usage of one billing period' });
  header(doc, title, [
    `Seller: ${invoice.seller}`,
    `Customer: ${invoice.workspace.name}`,
    `Period: ${formatRangeDates(invoice.periodStart, invoice.periodEnd, tz)} (local dates, ${tz})`,
  ]);
  infoBox(doc, `Status: ${STATUS_LABELS[invoice.status]}`, [
    ['Invoice number', invoice.invoiceNumber ?? '–'],
    ['Issued', invoice.finalizedAt ? formatDate(invoice.finalizedAt, tz) : 'not yet'],
    ['Paid', invoice.paidAt ? formatDate(invoice.paidAt, tz) : '–'],
    [invoice.status === 'draft' ? 'Total so far (not final)' : 'Total', formatMoney(invoice.totalAmount)],
  ]);
  sectionTitle(doc, 'Line items');
  const rows: TableRow[] = invoice.lines.map((line) => ({
    cells: [line.description, line.quantity === null ? '' : formatQuantity(line.quantity), line.unit ?? '', formatMoney(line.amount)],
  }));
  rows.push({ cells: [invoice.status === 'draft' ? 'Total so far (not final)' : 'Total', '', '', formatMoney(invoice.totalAmount)], bold: true });
  table(doc, [
    { header: 'Description', width: 0.58 },
    { header: 'Quantity', width: 0.16, align: 'right' },
    { header: 'Unit', width: 0.1 },
    { header: 'Amount', width: 0.16, align: 'right' },
  ], rows);
  if (invoice.status === 'void') paragraph(doc, `This invoice is void${invoice.voidReason ? `: ${invoice.voidReason}` : ''}. Nothing is due on it.`);
  if (invoice.status === 'draft') paragraph(doc, 'Draft: the month is still running; amounts change until it is closed.');
  paragraph(doc, 'Usage is billed per provider and usage type; the included minutes of the plan are credited on the first telephony minutes of the month. Amounts are rounded to the cent.');
  footers(doc, `${invoice.seller} · ${invoice.workspace.name} · generated ${formatGeneratedAt(generatedAt)}`);
  return pdfBytes(doc);
}
