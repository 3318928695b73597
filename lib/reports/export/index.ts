export { EXPORT_COLUMNS, formatWithOffset, instantFormatter, type ExportColumn, type ExportRow } from './columns';
export { EXPORT_FORMATS, neutraliseFormula, type ExportFormat } from './encoders';
export { callBatches, DEFAULT_BATCH_SIZE } from './source';
export { attachment, contentTypeOf, exportCallsStream, exportFilename, rangeLabel, safeSlug } from './stream';
