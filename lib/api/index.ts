export { withApi, type Access, type HandlerContext, type RouteContext, type RouteHandler } from './handler';
export { ApiError, badRequest, forbidden, notFound, unauthorized, tooManyRequests, toErrorResponse, errorResponse, jsonResponse } from './errors';
export { queryObject, once, describeIssue, type QueryInput } from './query';
export * from './params';
export { resolveRequestRange } from './range';
