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
import * as apiKeys from '@/app/api/workspaces/[id]/api-keys/route';
import * as apiKey from '@/app/api/workspaces/[id]/api-keys/[keyId]/route';
import * as connectors from '@/app/api/workspaces/[id]/connectors/route';
import * as connector from '@/app/api/workspaces/[id]/connectors/[connectorId]/route';
import * as rotate from '@/app/api/workspaces/[id]/connectors/[connectorId]/rotate/route';
import * as period from '@/app/api/workspaces/[id]/billing-periods/[periodId]/route';
import * as paid from '@/app/api/workspaces/[id]/billing-periods/[periodId]/paid/route';
import * as voidPeriod from '@/app/api/workspaces/[id]/billing-periods/[periodId]/void/route';
import * as invoicePdf from '@/app/api/workspaces/[id]/billing-periods/[periodId]/pdf/route';
import * as plan from '@/app/api/workspaces/[id]/plan/route';
import * as exportRoute from '@/app/api/workspaces/[id]/export/route';
import * as monthlyReport from '@/app/api/workspaces/[id]/reports/monthly/route';
import * as executiveReport from '@/app/api/workspaces/[id]/reports/executive/route';
import * as adminMrr from '@/app/api/admin/mrr/route';
import * as adminMrrExport from '@/app/api/admin/mrr/export/route';
import * as subscription from '@/app/api/admin/workspaces/[id]/subscription/route';
import * as events from '@/app/api/v1/events/route';
import * as eventsSchema from '@/app/api/v1/events/schema/route';
import * as webhooks from '@/app/api/v1/webhooks/[platform]/[connectorId]/route';
import * as alertRules from '@/app/api/workspaces/[id]/alert-rules/route';
import * as alertRule from '@/app/api/workspaces/[id]/alert-rules/[ruleId]/route';
import * as alertRuleTest from '@/app/api/workspaces/[id]/alert-rules/[ruleId]/test/route';
import * as adminAlertRuleList from '@/app/api/admin/alert-rules/route';
import * as adminAlertRule from '@/app/api/admin/alert-rules/[ruleId]/route';
import * as reportDelivery from '@/app/api/workspaces/[id]/report-delivery/route';
import * as shareLinks from '@/app/api/workspaces/[id]/share-links/route';

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

/**
 * The routes added with the write side (issues 13–17): API keys, connectors, webhooks,
 * events, billing, plans, MRR, exports and reports under their limits. Fuzzed by
 * fuzz-writes.test.ts with ≥ 2,000 hostile requests each. `auth` says who may call:
 * a session (`workspace` / `admin` routes), an API key, or a webhook signature.
 */
export type WriteEndpoint = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  handler: (request: never, context: never) => Promise<Response> | Response;
  auth: 'workspace' | 'admin' | 'api-key' | 'webhook' | 'public';
  /** The route's dynamic segments, in path order (besides the workspace `id`). */
  segments: string[];
  path(p: Record<string, string>): string;
  /** A plausible body (the fuzzer mutates it); absent for routes that take none. */
  body?(pick: <T>(items: readonly T[]) => T, hostile: () => unknown): unknown;
  /** 200 bodies that are files, not JSON. */
  binary?: boolean;
};

const ws0 = (p: Record<string, string>) => `/api/workspaces/${p.id}`;

/** A valid alert rule (the fuzzer mutates it), so that creates get past validation too. */
const validRule = (metric: string) => ({ name: 'Fuzz rule', metric, window_minutes: 60, comparator: 'gt', threshold: 0.25, channels: [{ type: 'email', to: ['ops@example.com'] }] });

export const WRITE_ENDPOINTS: WriteEndpoint[] = [
  { name: 'api keys: list', method: 'GET', handler: apiKeys.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/api-keys` },
  { name: 'api keys: create', method: 'POST', handler: apiKeys.POST, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/api-keys`, body: (pick, h) => ({ name: pick(['ci', 'Production ingest', 'x'.repeat(101), h()]) }) },
  { name: 'api keys: revoke', method: 'DELETE', handler: apiKey.DELETE, auth: 'workspace', segments: ['keyId'], path: (p) => `${ws0(p)}/api-keys/${p.keyId}` },
  { name: 'connectors: list', method: 'GET', handler: connectors.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/connectors` },
  {
    name: 'connectors: create',
    method: 'POST',
    handler: connectors.POST,
    auth: 'workspace',
    segments: [],
    path: (p) => `${ws0(p)}/connectors`,
    body: (pick, h) => ({ platform: pick(['vapi', 'retell', 'bland', h()]), name: pick([undefined, 'Main line', h()]), secret: pick([undefined, 'key_0123456789abcdef0123', 'short', h()]), vapiAuth: pick([undefined, 'secret', 'hmac', h()]) }),
  },
  { name: 'connectors: disable', method: 'PATCH', handler: connector.PATCH, auth: 'workspace', segments: ['connectorId'], path: (p) => `${ws0(p)}/connectors/${p.connectorId}`, body: (pick, h) => ({ disabled: pick([true, false, h()]) }) },
  { name: 'connectors: delete', method: 'DELETE', handler: connector.DELETE, auth: 'workspace', segments: ['connectorId'], path: (p) => `${ws0(p)}/connectors/${p.connectorId}` },
  { name: 'connectors: rotate', method: 'POST', handler: rotate.POST, auth: 'workspace', segments: ['connectorId'], path: (p) => `${ws0(p)}/connectors/${p.connectorId}/rotate`, body: (pick, h) => ({ secret: pick([undefined, 'key_0123456789abcdef0123', h()]) }) },
  { name: 'billing period', method: 'GET', handler: period.GET, auth: 'workspace', segments: ['periodId'], path: (p) => `${ws0(p)}/billing-periods/${p.periodId}` },
  { name: 'billing period: paid', method: 'POST', handler: paid.POST, auth: 'workspace', segments: ['periodId'], path: (p) => `${ws0(p)}/billing-periods/${p.periodId}/paid`, body: (pick, h) => pick([{}, { note: h() }]) },
  { name: 'billing period: void', method: 'POST', handler: voidPeriod.POST, auth: 'workspace', segments: ['periodId'], path: (p) => `${ws0(p)}/billing-periods/${p.periodId}/void`, body: (pick, h) => ({ reason: pick(['duplicate invoice', 'no', 'x'.repeat(501), h()]) }) },
  { name: 'billing period: invoice pdf', method: 'GET', handler: invoicePdf.GET, auth: 'workspace', segments: ['periodId'], path: (p) => `${ws0(p)}/billing-periods/${p.periodId}/pdf`, binary: true },
  { name: 'plan', method: 'GET', handler: plan.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/plan` },
  { name: 'export', method: 'GET', handler: exportRoute.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/export`, binary: true },
  { name: 'monthly report', method: 'GET', handler: monthlyReport.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/reports/monthly`, binary: true },
  { name: 'executive summary', method: 'GET', handler: executiveReport.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/reports/executive`, binary: true },
  { name: 'admin mrr', method: 'GET', handler: adminMrr.GET, auth: 'admin', segments: [], path: () => '/api/admin/mrr' },
  { name: 'admin mrr export', method: 'GET', handler: adminMrrExport.GET, auth: 'admin', segments: [], path: () => '/api/admin/mrr/export', binary: true },
  { name: 'admin subscription', method: 'GET', handler: subscription.GET, auth: 'admin', segments: [], path: (p) => `/api/admin/workspaces/${p.id}/subscription` },
  {
    name: 'admin subscription: change',
    method: 'POST',
    handler: subscription.POST,
    auth: 'admin',
    segments: [],
    path: (p) => `/api/admin/workspaces/${p.id}/subscription`,
    body: (pick, h) => ({ action: pick(['change_tier', 'start_trial', 'end_trial', 'cancel', 'reactivate', h()]), tier: pick([undefined, 'pro', 'nope', h()]), convert: pick([undefined, true, false, h()]), reason: pick([undefined, 'moved on', h()]) }),
  },
  {
    name: 'events (API key)',
    method: 'POST',
    handler: events.POST,
    auth: 'api-key',
    segments: [],
    path: () => '/api/v1/events',
    body: (pick, h) => {
      const event = () => ({
        id: pick(['ev-1', 'ev-2', `ev-${Math.floor(Math.random() * 1e6)}`, h()]),
        type: pick(['call.started', 'call.ended', 'usage.recorded', h()]),
        occurred_at: pick([new Date(Date.now() - 60_000).toISOString(), '2026-02-30T00:00:00Z', h()]),
        data: pick([
          { call_id: pick(['c-1', 'c-2', h()]), status: pick(['completed', 'failed', h()]), duration_seconds: pick([60, -1, h()]), agent: { id: 'ag', name: pick(['Agnes', h()]) } },
          { call_id: 'c-1', provider: pick(['twilio', h()]), usage_type: pick(['telephony_minutes', h()]), quantity: pick(['1.5', '999999999999.999999', h()]), cost: pick(['0.010000', '-1', '999999999999.999999', h()]), price: pick([undefined, '999999999999.999999']) },
          h(),
        ]),
      });
      return pick([{ events: [event(), event()] }, event(), { events: h() }, { events: Array.from({ length: 101 }, event) }]);
    },
  },
  { name: 'alert rules: list', method: 'GET', handler: alertRules.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/alert-rules` },
  { name: 'alert rules: create', method: 'POST', handler: alertRules.POST, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/alert-rules`, body: (pick, h) => pick([validRule(pick(['failure_rate', 'calls', 'billed_cost'])), {
      name: pick(['High failure rate', '', 'x'.repeat(101), h()]),
      metric: pick([...['failure_rate', 'success_rate', 'calls', 'billed_cost', 'cost_change', 'provider_margin'], h()]),
      window_minutes: pick([5, 60, 0, 100_000, h()]),
      comparator: pick(['gt', 'gte', 'lt', 'lte', h()]),
      threshold: pick([0.2, 1e12, -3, h()]),
      min_calls: pick([undefined, 0, 10, -1, h()]),
      channels: pick([undefined, [], [{ type: 'email', to: ['ops@example.com'] }], [{ type: 'webhook', url: pick(['https://hooks.example.com/x', 'http://user:pw@x', 'ftp://x', h()]) }], h()]),
      renotify_minutes: pick([undefined, 60, 1, h()]),
      enabled: pick([undefined, true, false, h()]),
      filters: pick([undefined, {}, { provider: pick(['twilio', h()]) }, { agent_id: pick(['00000000-0000-4000-8000-000000000001', h()]) }, h()]),
    }]) },
  { name: 'alert rules: update', method: 'PATCH', handler: alertRule.PATCH, auth: 'workspace', segments: ['ruleId'], path: (p) => `${ws0(p)}/alert-rules/${p.ruleId}`, body: (pick, h) => pick([{ enabled: pick([true, false, h()]) }, { threshold: pick([0.5, h()]) }, { name: h() }, { filters: { agent_id: pick([null, h()]) } }]) },
  { name: 'alert rules: delete', method: 'DELETE', handler: alertRule.DELETE, auth: 'workspace', segments: ['ruleId'], path: (p) => `${ws0(p)}/alert-rules/${p.ruleId}` },
  { name: 'alert rules: send test', method: 'POST', handler: alertRuleTest.POST, auth: 'workspace', segments: ['ruleId'], path: (p) => `${ws0(p)}/alert-rules/${p.ruleId}/test`, body: (pick, h) => pick([{}, h()]) },
  { name: 'admin alert rules: list', method: 'GET', handler: adminAlertRuleList.GET, auth: 'admin', segments: [], path: () => '/api/admin/alert-rules' },
  { name: 'admin alert rules: create', method: 'POST', handler: adminAlertRuleList.POST, auth: 'admin', segments: [], path: () => '/api/admin/alert-rules', body: (pick, h) => pick([validRule(pick(['provider_margin', 'provider_p95_latency'])), {
      name: pick(['High failure rate', '', 'x'.repeat(101), h()]),
      metric: pick([...['provider_margin', 'provider_p95_latency', 'calls'], h()]),
      window_minutes: pick([5, 60, 0, 100_000, h()]),
      comparator: pick(['gt', 'gte', 'lt', 'lte', h()]),
      threshold: pick([0.2, 1e12, -3, h()]),
      min_calls: pick([undefined, 0, 10, -1, h()]),
      channels: pick([undefined, [], [{ type: 'email', to: ['ops@example.com'] }], [{ type: 'webhook', url: pick(['https://hooks.example.com/x', 'http://user:pw@x', 'ftp://x', h()]) }], h()]),
      renotify_minutes: pick([undefined, 60, 1, h()]),
      enabled: pick([undefined, true, false, h()]),
      filters: pick([undefined, {}, { provider: pick(['twilio', h()]) }, { agent_id: pick(['00000000-0000-4000-8000-000000000001', h()]) }, h()]),
    }]) },
  { name: 'admin alert rules: update', method: 'PATCH', handler: adminAlertRule.PATCH, auth: 'admin', segments: ['ruleId'], path: (p) => `/api/admin/alert-rules/${p.ruleId}`, body: (pick, h) => pick([{ enabled: pick([true, false, h()]) }, { threshold: pick([0.5, h()]) }, { filters: { provider: pick([null, 'twilio', h()]) } }]) },
  { name: 'admin alert rules: delete', method: 'DELETE', handler: adminAlertRule.DELETE, auth: 'admin', segments: ['ruleId'], path: (p) => `/api/admin/alert-rules/${p.ruleId}` },
  { name: 'report delivery', method: 'GET', handler: reportDelivery.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/report-delivery` },
  {
    name: 'report delivery: save',
    method: 'PUT',
    handler: reportDelivery.PUT,
    auth: 'workspace',
    segments: [],
    path: (p) => `${ws0(p)}/report-delivery`,
    body: (pick, h) => ({ enabled: pick([true, false, h()]), monthly: pick([undefined, true, h()]), quarterly: pick([undefined, false, h()]), recipients: pick([[], ['cfo@example.com'], ['not-an-email'], Array.from({ length: 51 }, (_, i) => `r${i}@example.com`), h()]) }),
  },
  { name: 'share links', method: 'GET', handler: shareLinks.GET, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/share-links` },
  { name: 'share links: create', method: 'POST', handler: shareLinks.POST, auth: 'workspace', segments: [], path: (p) => `${ws0(p)}/share-links`, body: (pick, h) => pick([{ month: '2026-03' }, { month: pick(['2026-03', '2026-13', '2099-01', h()]), expires_in_days: pick([undefined, 7, 0, 10_000, 1.5, h()]) }]) },
  { name: 'events schema', method: 'GET', handler: eventsSchema.GET, auth: 'public', segments: [], path: () => '/api/v1/events/schema' },
  { name: 'webhooks (signed)', method: 'POST', handler: webhooks.POST, auth: 'webhook', segments: ['platform', 'connectorId'], path: (p) => `/api/v1/webhooks/${p.platform}/${p.connectorId}` },
];
