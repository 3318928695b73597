import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { readBodyBytes } from '@/lib/api/body';
import { ApiError, errorResponse, jsonResponse, notFound, toErrorResponse } from '@/lib/api/errors';
import { getDb } from '@/lib/db';
import { receiveWebhook, WEBHOOK_BODY_LIMIT } from './receive';
import { PLATFORMS } from './verify';

const params = z.object({ platform: z.enum(PLATFORMS), connectorId: z.guid() });

type Context = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * `POST /api/v1/webhooks/{platform}/{connectorId}`: authenticated by the platform's
 * signature only (the session cookie is never read, so there is no cross-site check to
 * make). Same error body as withApi; anything unexpected is a generic 500.
 */
export function webhookRoute() {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    try {
      const parsed = params.safeParse((await context.params) ?? {});
      if (!parsed.success) throw notFound();
      const body = await readBodyBytes(request, WEBHOOK_BODY_LIMIT);
      const outcome = await receiveWebhook(await getDb(), { platform: parsed.data.platform, connectorId: parsed.data.connectorId, headers: request.headers, body });
      if (outcome.status === 200) return jsonResponse(outcome.body);
      return errorResponse(new ApiError(outcome.status, outcome.code, outcome.message, outcome.code === 'bad_request' ? 'body' : undefined));
    } catch (error) {
      return toErrorResponse(error, `${request.method} ${request.nextUrl.pathname}`);
    }
  };
}
