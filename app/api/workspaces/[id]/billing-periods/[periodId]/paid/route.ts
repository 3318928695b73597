import { withApi } from '@/lib/api/handler';
import { emptyQuerySchema } from '@/lib/api/params';
import { periodStatusResponse } from '@/lib/api/schemas';
import { markPeriod, periodParams } from '@/lib/billing/status-route';

/** Platform admins mark a finalized period paid (audited). */
export const POST = withApi(
  { access: 'workspace', params: periodParams, query: emptyQuerySchema, response: periodStatusResponse },
  (ctx) => markPeriod(ctx, 'paid'),
);
