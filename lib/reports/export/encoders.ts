import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, type ExportRow } from './columns';

/** csv; json: one object { range, timeZone, currency, calls }; ndjson: one call object per line. */
export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Encoders turn batches of rows into text: a prologue, one chunk per batch, an epilogue.
 * Each batch is encoded on its own, so memory holds one batch, never the export.
 */
/** What the file is about, for the JSON object's head. */
export type ExportContext = { range: { from: string; to: string }; timeZone: string; currency: string };

export type ExportEncoder = {
  contentType: string;
  extension: ExportFormat;
  start(context: ExportContext): string;
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
// A plain signed number: an E.164 caller (`+15551234567`) or a negative amount (only text
// that starts like a formula is checked against it, so the sign is always there).
// Spreadsheets read it as that number and evaluate nothing, so it stays as it is and
// imports as what it is (a quote would make every caller number text with a stray ').
const PLAIN_NUMBER = /^[+-](\d+(\.\d+)?|\.\d+)$/;

/**
 * A cell a spreadsheet would evaluate gets a leading single quote, which spreadsheets
 * show as text and do not evaluate: `=HYPERLINK("x")` → `'=HYPERLINK("x")`,
 * `-2+3` → `'-2+3`, `@SUM(A1)` → `'@SUM(A1)`. A plain number (`+15550001`, `-1.5`) is not
 * a formula and passes. JSON is left exact: it is not opened by spreadsheets.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
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

/**
 * One JSON object, streamed: what the file covers, then the calls, one per line:
 * `{"range":{…},"timeZone":"…","currency":"USD","calls":[\n{…},\n{…}\n]}`.
 */
export const jsonEncoder: ExportEncoder = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  start: (context) => `{"range":${JSON.stringify(context.range)},"timeZone":${JSON.stringify(context.timeZone)},"currency":${JSON.stringify(context.currency)},"calls":[`,
  batch: (rows, first) => {
    let out = '';
    rows.forEach((row, i) => {
      out += (first && i === 0 ? '\n' : ',\n') + JSON.stringify(row);
    });
    return out;
  },
  end: () => '\n]}\n',
};

/** Newline-delimited JSON: one call object per line, nothing else (jq, BigQuery, pandas lines=True). */
export const ndjsonEncoder: ExportEncoder = {
  contentType: 'application/x-ndjson; charset=utf-8',
  extension: 'ndjson',
  start: () => '',
  batch: (rows) => rows.map((row) => `${JSON.stringify(row)}\n`).join(''),
  end: () => '',
};

export const ENCODERS: Record<ExportFormat, ExportEncoder> = { csv: csvEncoder, json: jsonEncoder, ndjson: ndjsonEncoder };
