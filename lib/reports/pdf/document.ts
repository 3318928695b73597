import PDFDocument from 'pdfkit';

/**
 * Drawing primitives for report PDFs: pdfkit with its built-in standard fonts (nothing is
 * downloaded or embedded) and vector charts. A4 portrait, one column.
 */
export type Pdf = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 48 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 24; // room for the footer

export const COLORS = {
  brand: '#1f5ad4',
  brandLight: '#d9eaff',
  brandDark: '#0f2a63',
  text: '#0f172a',
  muted: '#64748b',
  grid: '#e2e8f0',
  panel: '#f8fafc',
  positive: '#16a34a',
  neutral: '#94a3b8',
  negative: '#dc2626',
} as const;

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

// The standard fonts only have WinAnsi glyphs: anything else would print as garbage, so it
// is shown as "?" (names in other scripts stay intact in the JSON/markdown/CSV files).
const WIN_ANSI = /[^\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

/** User text made printable: one line, WinAnsi only. */
export function printable(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(WIN_ANSI, '?');
}

export function createPdf(meta: { title: string; subject: string }): Pdf {
  return new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: printable(meta.title), Subject: printable(meta.subject), Creator: 'VoiceDash', Producer: 'VoiceDash' },
  });
}

/** The document's bytes once it is finished (reports are a few pages, so buffering is fine). */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Brand band with title, workspace and period. */
export function header(doc: Pdf, title: string, lines: string[]): void {
  doc.rect(0, 0, PAGE.width, 8).fill(COLORS.brand);
  doc.font(BOLD).fontSize(9).fillColor(COLORS.brand).text('VOICEDASH', PAGE.margin, PAGE.margin - 14, { characterSpacing: 1.5 });
  doc.font(BOLD).fontSize(22).fillColor(COLORS.text).text(printable(title), PAGE.margin, PAGE.margin + 2, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  for (const line of lines) doc.font(FONT).fontSize(10.5).fillColor(COLORS.muted).text(printable(line), { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  rule(doc);
}

export function rule(doc: Pdf): void {
  const y = doc.y;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.75).strokeColor(COLORS.grid).stroke();
  doc.y = y + 12;
}

/** Starts a new page when less than `height` points are left. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = PAGE.margin;
  }
}

export function sectionTitle(doc: Pdf, title: string, note?: string): void {
  ensureSpace(doc, 60);
  doc.font(BOLD).fontSize(13).fillColor(COLORS.text).text(printable(title), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  if (note) doc.font(FONT).fontSize(8.5).fillColor(COLORS.muted).text(printable(note), { width: CONTENT_WIDTH });
  doc.y += 6;
}

export type Kpi = { label: string; value: string; hint?: string };

/** Figures in boxes, `columns` per row. */
export function kpiGrid(doc: Pdf, items: Kpi[], columns = 4): void {
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  const height = 54;
  for (let row = 0; row * columns < items.length; row++) {
    ensureSpace(doc, height + gap);
    const y = doc.y;
    items.slice(row * columns, row * columns + columns).forEach((item, i) => {
      const x = PAGE.margin + i * (width + gap);
      doc.roundedRect(x, y, width, height, 4).fill(COLORS.panel);
      doc.rect(x, y, 3, height).fill(COLORS.brand);
      doc.font(FONT).fontSize(8).fillColor(COLORS.muted).text(printable(item.label.toUpperCase()), x + 10, y + 8, { width: width - 16, lineBreak: false, characterSpacing: 0.3 });
      doc.font(BOLD).fontSize(16).fillColor(COLORS.text).text(printable(item.value), x + 10, y + 20, { width: width - 16, lineBreak: false });
      if (item.hint) doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted).text(printable(item.hint), x + 10, y + 40, { width: width - 16, lineBreak: false });
    });
    doc.y = y + height + gap;
  }
  doc.x = PAGE.margin;
  doc.y += 6;
}

/** A "nice" axis maximum ≥ value: 1, 2, 2.5 or 5 × 10^k. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

type Box = { x: number; y: number; width: number; height: number };

function axes(doc: Pdf, box: Box, max: number, label: (v: number) => string): void {
  doc.font(FONT).fontSize(7.5);
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = box.y + box.height - (box.height * i) / 4;
    doc.moveTo(box.x, y).lineTo(box.x + box.width, y).lineWidth(0.5).strokeColor(i === 0 ? COLORS.muted : COLORS.grid).stroke();
    doc.fillColor(COLORS.muted).text(label(value), box.x - 46, y - 3.5, { width: 42, align: 'right', lineBreak: false });
  }
}

/** Vertical bars with labels under some of them. */
export function barChart(doc: Pdf, data: { label: string; value: number }[], options: { height?: number; valueLabel: (v: number) => string; showLabel?: (i: number) => boolean }): void {
  const height = options.height ?? 140;
  ensureSpace(doc, height + 30);
  const box: Box = { x: PAGE.margin + 48, y: doc.y + 4, width: CONTENT_WIDTH - 48, height };
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  axes(doc, box, max, options.valueLabel);
  const slot = box.width / Math.max(1, data.length);
  data.forEach((d, i) => {
    const h = (d.value / max) * box.height;
    const x = box.x + i * slot + slot * 0.15;
    if (h > 0) doc.rect(x, box.y + box.height - h, slot * 0.7, h).fill(COLORS.brand);
    if (!options.showLabel || options.showLabel(i)) {
      doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted).text(printable(d.label), box.x + i * slot - 10, box.y + box.height + 4, { width: slot + 20, align: 'center', lineBreak: false });
    }
  });
  doc.x = PAGE.margin;
  doc.y = box.y + box.height + 22;
}

/** A line with a light area under it; x labels at the first, middle and last point. */
export function lineChart(doc: Pdf, data: { label: string; value: number }[], options: { height?: number; valueLabel: (v: number) => string }): void {
  const height = options.height ?? 140;
  ensureSpace(doc, height + 30);
  const box: Box = { x: PAGE.margin + 48, y: doc.y + 4, width: CONTENT_WIDTH - 48, height };
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  axes(doc, box, max, options.valueLabel);
  if (data.length > 0) {
    const step = data.length > 1 ? box.width / (data.length - 1) : 0;
    const point = (i: number) => [box.x + i * step, box.y + box.height - (data[i]!.value / max) * box.height] as const;
    doc.moveTo(box.x, box.y + box.height);
    data.forEach((_, i) => doc.lineTo(...point(i)));
    doc.lineTo(box.x + (data.length - 1) * step, box.y + box.height).closePath().fillOpacity(0.5).fill(COLORS.brandLight);
    doc.fillOpacity(1);
    doc.moveTo(...point(0));
    data.forEach((_, i) => doc.lineTo(...point(i)));
    doc.lineWidth(1.5).strokeColor(COLORS.brand).stroke();
    // First label starts at its point, last one ends at it, the middle one is centred.
    const marks = [...new Set([0, Math.floor((data.length - 1) / 2), data.length - 1])];
    for (const i of marks) {
      const [x] = point(i);
      const align = i === 0 ? 'left' : i === data.length - 1 ? 'right' : 'center';
      const left = align === 'left' ? x : align === 'right' ? x - 80 : x - 40;
      doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted).text(printable(data[i]!.label), left, box.y + box.height + 4, { width: 80, align, lineBreak: false });
    }
  }
  doc.x = PAGE.margin;
  doc.y = box.y + box.height + 22;
}

export type Column = { header: string; width: number; align?: 'left' | 'right' };
export type TableRow = { cells: string[]; bold?: boolean; bar?: number };

/**
 * A table; widths are fractions of the content width. A row's `bar` (0..1) underlines it
 * with a proportional bar (leaderboards). The header repeats after a page break.
 */
export function table(doc: Pdf, columns: Column[], rows: TableRow[]): void {
  const rowHeight = 18;
  const drawHeader = () => {
    ensureSpace(doc, rowHeight * 2);
    const y = doc.y;
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, rowHeight).fill(COLORS.panel);
    cells(y, columns.map((c) => c.header), BOLD, COLORS.muted, 8);
    doc.y = y + rowHeight;
  };
  const cells = (y: number, values: string[], font: string, color: string, size: number) => {
    let x = PAGE.margin;
    values.forEach((value, i) => {
      const column = columns[i]!;
      const width = column.width * CONTENT_WIDTH;
      doc.font(font).fontSize(size).fillColor(color).text(printable(value), x + 6, y + 5, { width: width - 12, align: column.align ?? 'left', lineBreak: false, ellipsis: true });
      x += width;
    });
  };
  // Keeps a short table (or the start of a long one) with its header on one page.
  ensureSpace(doc, rowHeight * (Math.min(rows.length, 8) + 1));
  drawHeader();
  for (const row of rows) {
    if (doc.y + rowHeight > BOTTOM) {
      doc.addPage();
      doc.y = PAGE.margin;
      drawHeader();
    }
    const y = doc.y;
    // A thin proportional bar along the row's bottom edge: the leaderboard at a glance.
    if (row.bar !== undefined && row.bar > 0) doc.rect(PAGE.margin, y + rowHeight - 3, CONTENT_WIDTH * Math.min(1, row.bar), 2.5).fill(COLORS.brand);
    cells(y, row.cells, row.bold ? BOLD : FONT, COLORS.text, 9);
    doc.moveTo(PAGE.margin, y + rowHeight).lineTo(PAGE.width - PAGE.margin, y + rowHeight).lineWidth(0.4).strokeColor(COLORS.grid).stroke();
    doc.y = y + rowHeight;
  }
  doc.x = PAGE.margin;
  doc.y += 12;
}

/** Horizontal stacked bar of shares (sentiment), with a legend. */
export function shareBar(doc: Pdf, parts: { label: string; value: number; color: string }[]): void {
  ensureSpace(doc, 44);
  const y = doc.y;
  const total = parts.reduce((s, p) => s + p.value, 0);
  let x = PAGE.margin;
  if (total > 0) {
    for (const part of parts) {
      const width = (part.value / total) * CONTENT_WIDTH;
      if (width > 0) doc.rect(x, y, width, 14).fill(part.color);
      x += width;
    }
  } else {
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, 14).fill(COLORS.grid);
  }
  let lx = PAGE.margin;
  for (const part of parts) {
    doc.rect(lx, y + 22, 8, 8).fill(part.color);
    const text = printable(`${part.label} ${part.value.toFixed(1)}%`);
    doc.font(FONT).fontSize(9).fillColor(COLORS.text).text(text, lx + 12, y + 21.5, { lineBreak: false });
    lx += 24 + doc.widthOfString(text) + 12;
  }
  doc.x = PAGE.margin;
  doc.y = y + 44;
}

/** A framed paragraph of label/value pairs on one or two lines. */
export function infoBox(doc: Pdf, title: string, pairs: [string, string][]): void {
  ensureSpace(doc, 62);
  const y = doc.y;
  doc.roundedRect(PAGE.margin, y, CONTENT_WIDTH, 52, 4).lineWidth(0.75).strokeColor(COLORS.grid).stroke();
  doc.font(BOLD).fontSize(10).fillColor(COLORS.text).text(printable(title), PAGE.margin + 12, y + 9, { width: CONTENT_WIDTH - 24, lineBreak: false });
  const width = (CONTENT_WIDTH - 24) / pairs.length;
  pairs.forEach(([label, value], i) => {
    const x = PAGE.margin + 12 + i * width;
    doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted).text(printable(label.toUpperCase()), x, y + 25, { width: width - 6, lineBreak: false });
    doc.font(BOLD).fontSize(11).fillColor(COLORS.text).text(printable(value), x, y + 35, { width: width - 6, lineBreak: false });
  });
  doc.x = PAGE.margin;
  doc.y = y + 64;
}

export function paragraph(doc: Pdf, text: string, size = 8.5): void {
  ensureSpace(doc, 30);
  doc.font(FONT).fontSize(size).fillColor(COLORS.muted).text(printable(text), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
}

/** "Workspace · generated … · page n of m" on every page (pages are buffered until the end). */
export function footers(doc: Pdf, left: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted);
    doc.text(printable(left), PAGE.margin, PAGE.height - PAGE.margin + 8, { width: CONTENT_WIDTH - 80, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, PAGE.width - PAGE.margin - 80, PAGE.height - PAGE.margin + 8, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
