import { jsonResponse } from '@/lib/api/errors';
import { requestJsonSchema } from '@/lib/ingest/api-events';

/** GET /api/v1/events/schema: the request body of POST /api/v1/events as JSON Schema, generated from its zod schema. Public: it holds no data. */
export function GET(): Response {
  const response = jsonResponse(requestJsonSchema());
  response.headers.set('Cache-Control', 'public, max-age=300');
  return response;
}
