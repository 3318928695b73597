import { InvalidParameterError, NotFoundError } from '@/lib/analytics';
import { TOO_MANY_ATTEMPTS_MESSAGE, TooManyAttemptsError } from '@/lib/auth/errors';

/** The one error body of the JSON API: `{ "error": { "code", "message", "param"? } }`. */
export type ApiErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'too_many_requests' | 'internal_error';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (param: string, message: string) => new ApiError(400, 'bad_request', message, param);
export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to use this endpoint');
export const forbidden = () => new ApiError(403, 'forbidden', 'You do not have permission to do this');
// One message for "does not exist" and "not yours": the two must look the same.
export const notFound = () => new ApiError(404, 'not_found', 'Not found');
export const tooManyRequests = () => new ApiError(429, 'too_many_requests', TOO_MANY_ATTEMPTS_MESSAGE);

const NO_STORE = { 'Cache-Control': 'no-store' };

export function errorResponse(error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.param ? { param: error.param } : {}) } };
  return Response.json(body, { status: error.status, headers: NO_STORE });
}

/**
 * Maps anything a handler throws to a response. Known errors keep their meaning; anything
 * else is a bug: logged here with its stack, answered with a generic 500 that leaks nothing.
 */
export function toErrorResponse(error: unknown, context: string): Response {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof InvalidParameterError) return errorResponse(badRequest(error.param, error.message));
  if (error instanceof NotFoundError) return errorResponse(notFound());
  if (error instanceof TooManyAttemptsError) return errorResponse(tooManyRequests());
  console.error(`[api] ${context} failed:`, error);
  return errorResponse(new ApiError(500, 'internal_error', 'Something went wrong on our side'));
}

export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}
