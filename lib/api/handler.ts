import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { getDb, type Db } from '@/lib/db';
import { allows, findWorkspaceAccess, type WorkspaceAccess } from '@/lib/auth/access';
import { callerFromToken, readSessionToken, type Caller } from '@/lib/auth/caller';
import type { Role } from '@/lib/auth/roles';
import { DEFAULT_BODY_LIMIT, parseJsonBody } from './body';
import { badRequest, crossSiteRequest, forbidden, jsonResponse, notFound, toErrorResponse, unauthorized } from './errors';
import { enforceUserRateLimit } from './user-rate-limit';
import { isSafeMethod, isSameOriginRequest } from './origin';
import { describeIssue, queryObject } from './query';

/**
 * The one wrapper around every JSON route handler (cf. dub's withWorkspace). In order:
 *   0. origin    → a state-changing method (POST, PATCH, PUT, DELETE) must come from the
 *                  app's own origin (origin.ts), else 403: the session cookie is sent by
 *                  the browser whichever site made the request
 *   1. session   → 401 when missing, expired or its user is gone
 *      rate      → per user, counted in the database (API_RATE_LIMIT_PER_MINUTE): 429 + Retry-After
 *   2. access    → 'workspace': the route's [id] must be a workspace the caller belongs to
 *                  (platform admins pass) else 404; a role below `role` → 403.
 *                  'platform-admin': anyone else → 403.
 *   3. params    → other route params (e.g. agentId); malformed → 404, like unknown ids
 *   4. query     → zod schema; the first problem → 400 naming the parameter
 *      body      → JSON validated by a zod schema: 415 not JSON, 413 too large, 400 naming the field
 *   5. handler   → its result is sent as JSON (typed by the response schema), or a
 *                  Response it built itself; thrown errors map to 400/404/429, else 500.
 * Access is checked before the query so that another workspace's URL answers 404 whatever
 * its query string.
 */
export type Access = 'signed-in' | 'workspace' | 'platform-admin';

type RouteParams = Record<string, string | string[] | undefined>;
export type RouteContext = { params: Promise<RouteParams> };
export type RouteHandler = (request: NextRequest, context: RouteContext) => Promise<Response>;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A response schema's JSON shape, where the handler may hand over Dates for ISO strings (Response.json writes them so). */
export type Wire<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type HandlerContext<A extends Access, Q, P, B = undefined> = {
  request: NextRequest;
  db: Db;
  caller: Caller;
  query: Q;
  params: P;
  body: B;
} & (A extends 'workspace' ? { access: WorkspaceAccess; workspaceId: string; timeZone: string } : unknown);

export type ApiOptions<A extends Access, Q, P, R, B = undefined> = {
  access: A;
  /** Minimum membership role for 'workspace' routes; default viewer (every member). */
  role?: Role;
  query?: Q;
  /** Route params other than the workspace [id]. */
  params?: P;
  /** The JSON body's schema: the handler's return type is checked against it. */
  response?: R;
  /** The request body's schema (JSON); required for the handler to see a body. */
  body?: B;
  /** Largest body accepted, in bytes (default 64 KiB). */
  maxBodyBytes?: number;
};

export function withApi<
  A extends Access,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  options: ApiOptions<A, Q, P, R, B>,
  handler: (ctx: HandlerContext<A, Out<Q>, Out<P>, Out<B>>) => Promise<(R extends z.ZodType ? Wire<z.input<R>> : unknown) | Response>,
): RouteHandler {
  return async (request, context) => {
    try {
      if (!isSafeMethod(request.method) && !isSameOriginRequest(request.headers)) throw crossSiteRequest();
      // No token, no database round trip.
      const token = await readSessionToken(request);
      if (!token) throw unauthorized();
      const db = await getDb();
      const caller = await callerFromToken(db, token);
      if (!caller) throw unauthorized();
      const routeParams = (await context?.params) ?? {};
      // The rate limit and the access check run at once (two round trips in the time of
      // one); a refused rate limit still answers first (429), whatever the access.
      const [, found] = await Promise.all([
        enforceUserRateLimit(db, caller.userId),
        options.access === 'workspace' ? findWorkspaceAccess(db, caller, routeParams.id) : null,
      ]);

      let workspace: { access: WorkspaceAccess; workspaceId: string; timeZone: string } | undefined;
      if (options.access === 'platform-admin' && !caller.isPlatformAdmin) throw forbidden();
      if (options.access === 'workspace') {
        const access = found;
        if (!access) throw notFound();
        if (!allows(access, options.role ?? 'viewer')) throw forbidden();
        workspace = { access, workspaceId: access.workspace.id, timeZone: access.workspace.timezone };
      }

      let params: unknown = undefined;
      if (options.params) {
        const parsed = options.params.safeParse(routeParams);
        if (!parsed.success) throw notFound();
        params = parsed.data;
      }

      let query: unknown = undefined;
      if (options.query) {
        const parsed = options.query.safeParse(queryObject(request.nextUrl.searchParams));
        if (!parsed.success) {
          const { param, message } = describeIssue(parsed.error.issues[0]!);
          throw badRequest(param, message);
        }
        query = parsed.data;
      }

      const body = options.body ? await parseJsonBody(request, options.body, options.maxBodyBytes ?? DEFAULT_BODY_LIMIT) : undefined;

      const ctx = { request, db, caller, query, params, body, ...workspace } as HandlerContext<A, Out<Q>, Out<P>, Out<B>>;
      const result = await handler(ctx);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return toErrorResponse(error, `${request.method} ${request.nextUrl.pathname}`);
    }
  };
}
