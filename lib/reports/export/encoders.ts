import { stringify } from 'csv-stringify/sync';
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

// RFC 4180 through csv-stringify (a well-kept library, not hand-rolled quoting): CRLF
// record ends, fields quoted when they hold a comma or a quote, and also when they hold a
// bare CR or LF, which csv-stringify would otherwise leave bare with CRLF records and
// parsers would read as a line break. Its sync API on a batch costs ~2 µs a row here, about
// 2 s of a million-row export's 20 s budget.
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

export function csvRecords(records: readonly (readonly (string | number | null)[])[]): string {
  return stringify(records as (string | number | null)[][], CSV_OPTIONS);
}

export function csvRecord(cells: readonly (string | number | null)[]): string {
  return csvRecords([cells]);
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
  batch: (rows) => csvRecords(rows.map(csvCells)),
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
