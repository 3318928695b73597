import { withApi } from '@/lib/api/handler';
import { emptyQuerySchema } from '@/lib/api/params';
import { periodStatusResponse } from '@/lib/api/schemas';
import { markPeriod, periodParams, voidBody } from '@/lib/billing/status-route';

/** Platform admins mark a finalized period void, with a reason (audited). */
export const POST = withApi(
  { access: 'workspace', params: periodParams, query: emptyQuerySchema, body: voidBody, maxBodyBytes: 4096, response: periodStatusResponse },
  (ctx) => markPeriod(ctx, 'void', ctx.body.reason),
);
