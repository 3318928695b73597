export { withApi, type Access, type HandlerContext, type RouteContext, type RouteHandler } from './handler';
export { ApiError, badRequest, forbidden, notFound, unauthorized, tooManyRequests, toErrorResponse, errorResponse, jsonResponse } from './errors';
export { queryObject, once, describeIssue, parseQuery, type QueryInput, type ParsedQuery } from './query';
export * from './params';
export { resolveRequestRange } from './range';
