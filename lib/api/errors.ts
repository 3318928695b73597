import { InvalidParameterError, NotFoundError } from '@/lib/analytics';
import { TOO_MANY_ATTEMPTS_MESSAGE, TooManyAttemptsError } from '@/lib/auth/errors';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { ConcurrencyLimitError } from '@/lib/limits/errors';

/** The one error body of the JSON API: `{ "error": { "code", "message", "param"? } }`. */
export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'cross_site_request'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'concurrency_limit'
  | 'service_unavailable'
  | 'internal_error';

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

/** An ApiError the client may retry after a while: its response carries Retry-After. */
export class RetryLaterError extends ApiError {
  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message);
    this.name = 'RetryLaterError';
  }
}

export const badRequest = (param: string, message: string) => new ApiError(400, 'bad_request', message, param);
export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to use this endpoint');
export const forbidden = () => new ApiError(403, 'forbidden', 'You do not have permission to do this');
// One message for "does not exist" and "not yours": the two must look the same.
export const notFound = () => new ApiError(404, 'not_found', 'Not found');
export const tooManyRequests = () => new ApiError(429, 'too_many_requests', TOO_MANY_ATTEMPTS_MESSAGE);
export const crossSiteRequest = () =>
  new ApiError(403, 'cross_site_request', 'Cross-site request refused: send it from the app itself (Origin or Sec-Fetch-Site must be this site)');
export const conflict = (param: string, message: string) => new ApiError(409, 'conflict', message, param);
export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(413, 'payload_too_large', `The request body is larger than ${limitBytes.toLocaleString('en-US')} bytes`, 'body');
/** Seconds a client should wait before retrying when the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const serviceUnavailable = () =>
  new ApiError(503, 'service_unavailable', `The service is temporarily unavailable; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds`);
export const unsupportedMediaType = () => new ApiError(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json)', 'body');

const NO_STORE = { 'Cache-Control': 'no-store' };

export function errorResponse(error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.param ? { param: error.param } : {}) } };
  const headers: Record<string, string> = { ...NO_STORE };
  if (error instanceof RetryLaterError) headers['Retry-After'] = String(error.retryAfterSeconds);
  return Response.json(body, { status: error.status, headers });
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
  if (error instanceof ConcurrencyLimitError) return errorResponse(new RetryLaterError(429, 'concurrency_limit', error.message, error.retryAfterSeconds));
  if (isDatabaseUnavailable(error)) {
    // Expected during an outage: one line, no stack; the client is told when to retry.
    console.error(`[api] ${context}: database unavailable`);
    const response = errorResponse(serviceUnavailable());
    response.headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return response;
  }
  console.error(`[api] ${context} failed:`, error);
  return errorResponse(new ApiError(500, 'internal_error', 'Something went wrong on our side'));
}

export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}
