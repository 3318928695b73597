export { withApi, type Access, type HandlerContext, type RouteContext, type RouteHandler } from './handler';
export {
  ApiError,
  badRequest,
  conflict,
  crossSiteRequest,
  forbidden,
  notFound,
  payloadTooLarge,
  unauthorized,
  unsupportedMediaType,
  serviceUnavailable,
  DATABASE_RETRY_AFTER_SECONDS,
  tooManyRequests,
  toErrorResponse,
  errorResponse,
  jsonResponse,
} from './errors';
export { parseJsonBody, readBodyText, fieldPath, DEFAULT_BODY_LIMIT } from './body';
export { isSameOriginRequest, isSafeMethod } from './origin';
export { queryObject, once, describeIssue, parseQuery, type QueryInput, type ParsedQuery } from './query';
export * from './params';
export { resolveRequestRange } from './range';
