import type { z } from 'zod';
import { GET as adminOverview } from '@/app/api/admin/overview/route';
import { GET as adminProviders } from '@/app/api/admin/providers/route';
import { GET as adminWorkspaces } from '@/app/api/admin/workspaces/route';
import { adminWorkspacesResponse } from '@/lib/admin/workspace-response';
import { GET as agentPerformance } from '@/app/api/workspaces/[id]/agents/[agentId]/performance/route';
import { GET as agents } from '@/app/api/workspaces/[id]/agents/route';
import { GET as billingPeriods } from '@/app/api/workspaces/[id]/billing-periods/route';
import { GET as callAnalytics } from '@/app/api/workspaces/[id]/calls/analytics/route';
import { GET as calls } from '@/app/api/workspaces/[id]/calls/route';
import { GET as callDetail } from '@/app/api/workspaces/[id]/calls/[callId]/route';
import { GET as overview } from '@/app/api/workspaces/[id]/overview/route';
import { GET as workspaces } from '@/app/api/workspaces/route';
import {
  adminOverviewResponse,
  adminProvidersResponse,
  agentListResponse,
  agentPerformanceResponse,
  billingPeriodListResponse,
  callAnalyticsResponse,
  callDetailResponse,
  callListResponse,
  overviewResponse,
  usageResponse,
  workspaceListResponse,
} from '@/lib/api/schemas';
import { GET as usage } from '@/app/api/workspaces/[id]/usage/route';
import { GET as alertHistory } from '@/app/api/workspaces/[id]/alerts/route';
import { GET as adminAlertRules } from '@/app/api/admin/alert-rules/route';
import { GET as adminAlerts } from '@/app/api/admin/alerts/route';
import { alertHistoryResponse, alertRuleListResponse } from '@/lib/api/schemas';
import type { World } from './fixtures';

/** Every JSON endpoint, described once for the contract, tenancy and fuzz tests. */
export type Endpoint = {
  name: string;
  handler: typeof overview;
  kind: 'signed-in' | 'workspace' | 'admin';
  /** Route params for workspace `ws` (agent endpoints pick that workspace's agent). */
  params(world: World, ws: string): Record<string, string>;
  path(params: Record<string, string>): string;
  response: z.ZodType;
  /** Malformed query strings and the parameter each must name. */
  bad: [query: string, param: string][];
};

const RANGE_BAD: [string, string][] = [
  ['period=decade', 'period'],
  ['period=', 'period'],
  ['period=day&period=week', 'period'],
  ['from=2026-13-01&to=2026-03-02', 'from'],
  ['from=2026-02-30&to=2026-03-02', 'from'],
  ['from=03/01/2026&to=2026-03-02', 'from'],
  ['from=2026-03-01&to=tomorrow', 'to'],
  ['from=2026-03-01', 'to'],
  ['to=2026-03-01', 'from'],
  ['from=2026-03-05&to=2026-03-01', 'to'],
  ['from=2026-03-01&from=2026-03-02&to=2026-03-05', 'from'],
  ['period=week&from=2026-03-01&to=2026-03-02', 'period'],
  ['from=1900-01-01&to=2026-01-01', 'to'],
];

const FILTER_BAD: [string, string][] = [
  ['agentId=not-a-uuid', 'agentId'],
  ["agentId=1' OR '1'='1", 'agentId'],
  ['status=done', 'status'],
  ['hour=24', 'hour'],
  ['hour=-1', 'hour'],
  ['hour=9&hour=10', 'hour'],
  ['status=completed&status=failed', 'status'],
  ['direction=sideways', 'direction'],
  [`provider=${'x'.repeat(65)}`, 'provider'],
  ['provider=', 'provider'],
  ['sentiment=angry', 'sentiment'],
];

const ws = (world: World, id: string) => ({ id });
const base = (p: Record<string, string>) => `/api/workspaces/${p.id}`;

export const ENDPOINTS: Endpoint[] = [
  { name: 'workspaces', handler: workspaces, kind: 'signed-in', params: () => ({}), path: () => '/api/workspaces', response: workspaceListResponse, bad: [] },
  { name: 'overview', handler: overview, kind: 'workspace', params: ws, path: (p) => `${base(p)}/overview`, response: overviewResponse, bad: RANGE_BAD },
  {
    name: 'call analytics',
    handler: callAnalytics,
    kind: 'workspace',
    params: ws,
    path: (p) => `${base(p)}/calls/analytics`,
    response: callAnalyticsResponse,
    bad: [...RANGE_BAD, ...FILTER_BAD],
  },
  {
    name: 'call list',
    handler: calls,
    kind: 'workspace',
    params: ws,
    path: (p) => `${base(p)}/calls`,
    response: callListResponse,
    bad: [
      ...RANGE_BAD,
      ...FILTER_BAD,
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=1e2', 'limit'],
      ['limit=-5', 'limit'],
      ['limit=5&limit=6', 'limit'],
      ['cursor=garbage!', 'cursor'],
      ['cursor=eyJzb3J0IjoiaGFjayJ9', 'cursor'],
      ['sort=name', 'sort'],
      ['order=up', 'order'],
    ],
  },
  {
    name: 'call detail',
    handler: callDetail,
    kind: 'workspace',
    params: (world, id) => ({ id, callId: id === world.b ? world.callIdsB[0]! : world.callIdsA[0]! }),
    path: (p) => `${base(p)}/calls/${p.callId}`,
    response: callDetailResponse,
    // No query parameters: unknown ones are ignored.
    bad: [],
  },
  { name: 'agents', handler: agents, kind: 'workspace', params: ws, path: (p) => `${base(p)}/agents`, response: agentListResponse, bad: RANGE_BAD },
  {
    name: 'agent performance',
    handler: agentPerformance,
    kind: 'workspace',
    params: (world, id) => ({ id, agentId: id === world.b ? world.agentB : world.agentA }),
    path: (p) => `${base(p)}/agents/${p.agentId}/performance`,
    response: agentPerformanceResponse,
    bad: RANGE_BAD,
  },
  {
    name: 'usage',
    handler: usage,
    kind: 'workspace',
    params: ws,
    path: (p) => `${base(p)}/usage`,
    response: usageResponse,
    bad: [...RANGE_BAD, ['billingPeriodId=42', 'billingPeriodId']],
  },
  { name: 'billing periods', handler: billingPeriods, kind: 'workspace', params: ws, path: (p) => `${base(p)}/billing-periods`, response: billingPeriodListResponse, bad: [] },
  {
    name: 'admin overview',
    handler: adminOverview,
    kind: 'admin',
    params: () => ({}),
    path: () => '/api/admin/overview',
    response: adminOverviewResponse,
    bad: [...RANGE_BAD, ['timeZone=Mars/Olympus_Mons', 'timeZone'], ['timeZone=+05:30', 'timeZone']],
  },
  {
    name: 'admin providers',
    handler: adminProviders,
    kind: 'admin',
    params: () => ({}),
    path: () => '/api/admin/providers',
    response: adminProvidersResponse,
    bad: [...RANGE_BAD, ['timeZone=Not/A_Zone', 'timeZone']],
  },
  {
    name: 'admin workspaces',
    handler: adminWorkspaces,
    kind: 'admin',
    params: () => ({}),
    path: () => '/api/admin/workspaces',
    response: adminWorkspacesResponse,
    bad: [...RANGE_BAD, ['sort=password_hash', 'sort'], ['order=sideways', 'order'], ['timeZone=Not/A_Zone', 'timeZone']],
  },
  // Issue 16. The workspace's rule list, report delivery and share links need an admin or
  // owner role, which this list's viewer case does not fit: tests/alerts/routes.test.ts covers them.
  { name: 'alert history', handler: alertHistory, kind: 'workspace', params: ws, path: (p) => `${base(p)}/alerts`, response: alertHistoryResponse, bad: [] },
  { name: 'admin alert rules', handler: adminAlertRules, kind: 'admin', params: () => ({}), path: () => '/api/admin/alert-rules', response: alertRuleListResponse, bad: [] },
  { name: 'admin alerts', handler: adminAlerts, kind: 'admin', params: () => ({}), path: () => '/api/admin/alerts', response: alertHistoryResponse, bad: [] },
];
