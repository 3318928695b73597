import { z } from 'zod';
import { callFiltersQuerySchema, once } from '@/lib/api';
import { EXPORT_FORMATS } from './export/encoders';

/**
 * Query schemas of the export and report routes. The export takes exactly the calls
 * page's range and filters (the shared schema, so a Calls URL's query string is an
 * export URL's) plus `format`.
 */

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

const exportFormat = z.object({
  format: once(z.enum(EXPORT_FORMATS, oneOf(EXPORT_FORMATS))).optional(),
});

export const exportQuerySchema = z.unknown().transform((input, ctx) => {
  const format = exportFormat.safeParse(input);
  const view = callFiltersQuerySchema.safeParse(input);
  const issues = [...(format.error?.issues ?? []), ...(view.error?.issues ?? [])];
  if (!format.success || !view.success) {
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { ...view.data, format: format.data.format ?? 'csv' };
});

export const MONTHLY_FORMATS = ['json', 'pdf'] as const;
export type MonthlyFormat = (typeof MONTHLY_FORMATS)[number];
export const EXECUTIVE_FORMATS = ['md', 'pdf'] as const;
export type ExecutiveFormat = (typeof EXECUTIVE_FORMATS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;

export const monthlyQuerySchema = z.object({
  month: once(z.string({ error: 'is required, as YYYY-MM' }).regex(MONTH, 'must be a month YYYY-MM')),
  format: once(z.enum(MONTHLY_FORMATS, oneOf(MONTHLY_FORMATS))).default('json'),
});

export const executiveQuerySchema = z.object({
  quarter: once(z.string({ error: 'is required, as YYYY-Qn' }).regex(QUARTER, 'must be a quarter YYYY-Qn with n from 1 to 4')),
  format: once(z.enum(EXECUTIVE_FORMATS, oneOf(EXECUTIVE_FORMATS))).default('md'),
});
