import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { GRANULARITIES, MAX_HOURLY_DAYS, chooseGranularity, filtersWithout, getAgentPerformance, getCallAnalytics, getCallBreakdown, getCallsOverTime, getWorkspaceOverview, listCallProviders, InvalidRangeError, NotFoundError, resolveRange, type BreakdownDimension, type CallFilters, type Granularity, type RangeSpec, type TimeRange } from '@/lib/analytics';
import { listAgents } from '@/lib/agents/list';
import { callFiltersQuerySchema, describeIssue, type QueryInput } from '@/lib/api';
import { requireWorkspaceAccess } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

/**
 * Server-side data of the dashboard pages: every card is an async server component that
 * calls one of these loaders. They are React-cached per request, so cards that share a
 * result (the overview's KPIs, cost trend and cost by provider) run one query, and every
 * card resolves the range against the same `now`.
 */

export type SearchParams = Promise<QueryInput>;

export type View = {
  range: RangeSpec;
  filters: CallFilters;
  /** A problem with the link's parameters, named ("period: must be one of …"); defaults are used instead. */
  problem: string | null;
  /** The problem only dropped a filter: the range asked for is still the one shown. */
  keptRange?: boolean;
};

/** The page's range and filters, parsed by the same zod schema as the JSON API. */
export function parseView(searchParams: QueryInput): View {
  const parsed = callFiltersQuerySchema.safeParse(searchParams);
  if (parsed.success) return { ...parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { range: { period: 'month' }, filters: {}, problem: issue ? describeIssue(issue).message : 'invalid parameters' };
}

export const workspaceAccess = cache((workspaceId: string) => requireWorkspaceAccess(workspaceId));

const requestNow = cache(() => new Date());

/** The range of this request in the workspace's zone (cache keys must be primitives, hence JSON). */
const resolved = cache((rangeKey: string, timeZone: string): TimeRange => resolveRange(JSON.parse(rangeKey) as RangeSpec, timeZone, requestNow()));

export function resolveView(view: View, timeZone: string): TimeRange {
  return resolved(JSON.stringify(view.range), timeZone);
}

const overview = cache(async (workspaceId: string, timeZone: string, rangeKey: string) =>
  getWorkspaceOverview(await getDb(), { workspaceId }, resolved(rangeKey, timeZone)),
);

const callAnalytics = cache(async (workspaceId: string, timeZone: string, rangeKey: string, filtersKey: string) =>
  getCallAnalytics(await getDb(), { workspaceId }, resolved(rangeKey, timeZone), JSON.parse(filtersKey) as CallFilters),
);

const agents = cache(async (workspaceId: string, timeZone: string, rangeKey: string) => listAgents(await getDb(), { workspaceId }, resolved(rangeKey, timeZone)));

const callProviders = cache(async (workspaceId: string, timeZone: string, rangeKey: string) =>
  listCallProviders(await getDb(), { workspaceId }, resolved(rangeKey, timeZone)),
);

const agentPerformance = cache(async (workspaceId: string, timeZone: string, rangeKey: string, agentId: string) =>
  getAgentPerformance(await getDb(), { workspaceId }, agentId, resolved(rangeKey, timeZone)),
);

/** What every card receives: which workspace, its zone, and the view. Plain data. */
export type CardContext = { workspaceId: string; timeZone: string; view: View };

export const loadOverview = (ctx: CardContext) => overview(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range));

export const loadCallAnalytics = (ctx: CardContext, filters: CallFilters = ctx.view.filters) =>
  callAnalytics(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range), JSON.stringify(filters));

/**
 * The call analytics a chart of `dimension` draws on a cross-filtered page: every filter but
 * its own, so the chart keeps all its bars while the rest of the page narrows to the choice.
 */
export const loadCallAnalyticsFor = (ctx: CardContext, dimension: keyof CallFilters) => loadCallAnalytics(ctx, filtersWithout(ctx.view.filters, dimension));

const callBreakdown = cache(async (workspaceId: string, timeZone: string, rangeKey: string, dimension: BreakdownDimension, filtersKey: string) =>
  getCallBreakdown(await getDb(), { workspaceId }, resolved(rangeKey, timeZone), dimension, JSON.parse(filtersKey) as CallFilters),
);

/** Calls per sentiment or voice provider, without that dimension's own filter (as above). */
export const loadCallBreakdown = (ctx: CardContext, dimension: BreakdownDimension) =>
  callBreakdown(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range), dimension, JSON.stringify(filtersWithout(ctx.view.filters, dimension)));

export const loadAgents = (ctx: CardContext) => agents(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range));

export const loadCallProviders = (ctx: CardContext) => callProviders(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range));

const agentIdSchema = z.guid();

/** One agent's figures; a malformed id or another workspace's agent is the not-found page. */
export async function loadAgentPerformance(ctx: CardContext, agentId: string) {
  if (!agentIdSchema.safeParse(agentId).success) notFound();
  try {
    return await agentPerformance(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range), agentId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

const agentExists = cache(async (workspaceId: string, agentId: string) => {
  const db = await getDb();
  return (await db.voiceAgent.count({ where: { workspaceId, id: agentId } })) > 0;
});

/** Resolves params and searchParams of a workspace page and checks access (404 for a foreign workspace). */
export async function pageContext(params: Promise<{ id: string }>, searchParams: SearchParams) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const access = await workspaceAccess(id);
  let view = parseView(query);
  let range: TimeRange;
  try {
    range = resolveView(view, access.workspace.timezone);
  } catch (error) {
    // Dates the schema accepts can still make an impossible range (e.g. longer than ten years).
    if (!(error instanceof InvalidRangeError)) throw error;
    view = { range: { period: 'month' }, filters: view.filters, problem: error.message };
    range = resolveView(view, access.workspace.timezone);
  }
  // An agent id that is no agent of this workspace (a stale or edited link) gets the same
  // banner as any other bad parameter, not an empty page that looks like "no calls".
  if (view.filters.agentId !== undefined && !(await agentExists(access.workspace.id, view.filters.agentId))) {
    const filters = { ...view.filters };
    delete filters.agentId;
    view = { ...view, filters, problem: 'agentId: no agent with this id in this workspace', keptRange: true };
  }
  const ctx: CardContext = { workspaceId: access.workspace.id, timeZone: access.workspace.timezone, view };
  return { access, ctx, query, range };
}

const callsOverTime = cache(async (workspaceId: string, timeZone: string, rangeKey: string, filtersKey: string, granularity: Granularity) =>
  getCallsOverTime(await getDb(), { workspaceId }, resolved(rangeKey, timeZone), granularity, JSON.parse(filtersKey) as CallFilters),
);

export const loadCallsOverTime = (ctx: CardContext, granularity: Granularity, filters: CallFilters = ctx.view.filters) =>
  callsOverTime(ctx.workspaceId, ctx.timeZone, JSON.stringify(ctx.view.range), JSON.stringify(filters), granularity);

/**
 * The series' granularity: `?granularity=hour|day|week|month` when given and possible,
 * else what the range calls for (lib/analytics/buckets chooseGranularity). A value that
 * cannot be used is said, not silently dropped.
 */
export function granularityOf(ctx: CardContext, requested: unknown): { granularity: Granularity; chosen: boolean; problem: string | null } {
  const range = resolveView(ctx.view, ctx.timeZone);
  const auto = chooseGranularity(range);
  if (requested === undefined) return { granularity: auto, chosen: false, problem: null };
  if (typeof requested !== 'string' || !(GRANULARITIES as readonly string[]).includes(requested)) {
    return { granularity: auto, chosen: false, problem: `granularity must be one of ${GRANULARITIES.join(', ')}` };
  }
  if (requested === 'hour' && range.to.getTime() - range.from.getTime() > MAX_HOURLY_DAYS * 86_400_000) {
    return { granularity: auto, chosen: false, problem: `hourly points are for ranges of up to ${MAX_HOURLY_DAYS} days` };
  }
  return { granularity: requested as Granularity, chosen: true, problem: null };
}
