import { EXPORT_COLUMNS, type ExportRow } from './columns';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Encoders turn batches of rows into text: a prologue, one chunk per batch, an epilogue.
 * Each batch is encoded on its own, so memory holds one batch, never the export.
 */
export type ExportEncoder = {
  contentType: string;
  extension: ExportFormat;
  start(): string;
  batch(rows: readonly ExportRow[], first: boolean): string;
  end(): string;
};

// Free-text columns: what a caller, an agent's owner or a provider chose. Everything else
// is written by us (ids, enums, integers, decimal strings, ISO instants) and cannot begin
// with a formula character, except a negative decimal, which a spreadsheet reads as a
// number anyway; so only these columns are neutralised.
const FREE_TEXT: ReadonlySet<keyof ExportRow> = new Set(['agent_name', 'caller', 'provider']);

// Characters that make Excel, LibreOffice, Google Sheets or Numbers read a cell as a
// formula (OWASP "CSV injection"), full-width forms included as Numbers normalises them.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell a spreadsheet would evaluate gets a leading single quote, which spreadsheets
 * show as text and do not evaluate: `=HYPERLINK("x")` → `'=HYPERLINK("x")`,
 * `+15550001` → `'+15550001`. JSON is left exact: it is not opened by spreadsheets.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF, quotes doubled;
 * null is an empty field. Byte for byte what csv-stringify writes for the same cells
 * (tests/reports/csv.test.ts checks it against csv-stringify; we also quote a bare CR or LF,
 * which csv-stringify leaves bare and parsers read as a line break), at about a tenth of the
 * cost per row, which is most of the budget of a million-row export.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(cells: readonly (string | number | null)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvField(cells[i]!);
  return line + '\r\n';
}

export function csvCells(row: ExportRow): (string | number | null)[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    return typeof value === 'string' && FREE_TEXT.has(column) ? neutraliseFormula(value) : value;
  });
}

/**
 * RFC 4180: CRLF after every record, a header row. A UTF-8 byte order mark leads the file
 * so that Excel reads non-ASCII names as UTF-8 (csv-parse and most parsers skip it).
 */
export const csvEncoder: ExportEncoder = {
  contentType: 'text/csv; charset=utf-8; header=present',
  extension: 'csv',
  start: () => '\uFEFF' + csvRecord(EXPORT_COLUMNS),
  batch: (rows) => {
    let out = '';
    for (const row of rows) out += csvRecord(csvCells(row));
    return out;
  },
  end: () => '',
};

/** A JSON array, one call object per line, streamed. */
export const jsonEncoder: ExportEncoder = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  start: () => '[',
  batch: (rows, first) => {
    let out = '';
    rows.forEach((row, i) => {
      out += (first && i === 0 ? '\n' : ',\n') + JSON.stringify(row);
    });
    return out;
  },
  end: () => '\n]\n',
};

export const ENCODERS: Record<ExportFormat, ExportEncoder> = { csv: csvEncoder, json: jsonEncoder };
