import { z } from 'zod';
import { isValidTimeZone } from '@/lib/analytics';
import { addMonths, isCalendarMonth, MAX_MONTHS } from '@/lib/analytics/subscriptions';
import { once } from '@/lib/api/query';

const month = z.string().refine(isCalendarMonth, 'must be a month YYYY-MM');
const timeZone = z.string().max(64).refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin');

const shape = { from: once(month).optional(), to: once(month).optional(), timeZone: once(timeZone).optional() };

function checkMonths(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (value.from !== undefined && value.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required with from' });
  else if (value.to !== undefined && value.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required with to' });
  else if (value.from !== undefined && value.to !== undefined) {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (addMonths(value.from, MAX_MONTHS - 1) < value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_MONTHS} months after from` });
  }
}

/**
 * `from=YYYY-MM&to=YYYY-MM` (inclusive local months; both or neither, default the last 12
 * months) and `timeZone` (default UTC), as GET /api/admin/mrr and /admin/mrr read them.
 */
export const mrrQuerySchema = z
  .object(shape)
  .superRefine(checkMonths)
  .transform((value) => ({ from: value.from, to: value.to, timeZone: value.timeZone ?? 'UTC' }));
export type MrrQuery = z.output<typeof mrrQuerySchema>;

export const MRR_EXPORTS = ['months', 'movements', 'cohorts'] as const;
export type MrrExport = (typeof MRR_EXPORTS)[number];

/** The same, plus `kind` of CSV: monthly figures, the workspace movements behind them, or the cohort grid. */
export const mrrExportQuerySchema = z
  .object({ ...shape, kind: once(z.enum(MRR_EXPORTS, `must be one of ${MRR_EXPORTS.join(', ')}`)) })
  .superRefine(checkMonths)
  .transform((value) => ({ from: value.from, to: value.to, timeZone: value.timeZone ?? 'UTC', kind: value.kind }));
