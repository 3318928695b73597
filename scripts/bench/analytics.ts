import os from 'node:os';
import {
  getAgentPerformance,
  getCallAnalytics,
  getPlatformOverview,
  getProviderAnalytics,
  getUsageSummary,
  getWorkspaceOverview,
  resolveRange,
  type CallFilters,
  type TimeRange,
} from '@/lib/analytics';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { measure } from './timing';
import { seedAgentPerformance, seedCallAnalytics, seedPlatformOverview, seedProviderAnalytics, seedWorkspaceOverview } from './seed-sql';
import type { BenchContext, BenchResult, BenchSection } from './types';

type Target = { workspaceId: string; timeZone: string; agentId: string; billingPeriodId: string | null };

/**
 * Every analytics function for the largest workspace and for the platform, over the
 * month and year presets, beside the seed's SQL for the same question on the same data.
 */
export const analyticsSection: BenchSection = {
  title: 'analytics engine (lib/analytics) vs the seed SQL',
  async run(context) {
    const target = await findTarget(context);
    context.log(`largest workspace ${target.workspaceId} (${target.timeZone}), busiest agent ${target.agentId}`);
    // The machine is shared: the load average says how far the figures are to be trusted.
    context.log(`load average at start: ${loadAverage()}`);
    const results: BenchResult[] = [];
    const { db, runs } = context;
    for (const preset of ['month', 'year'] as const) {
      const local = resolveRange(preset, target.timeZone, context.now);
      const utc = resolveRange(preset, 'UTC', context.now);
      const scope = { workspaceId: target.workspaceId };
      const cases: [string, TimeRange, () => Promise<unknown>, (() => Promise<unknown>) | undefined][] = [
        ['getWorkspaceOverview', local, () => getWorkspaceOverview(db, scope, local), () => seedWorkspaceOverview(db, target.workspaceId, local.from, local.to)],
        ['getCallAnalytics', local, () => getCallAnalytics(db, scope, local), () => seedCallAnalytics(db, target.workspaceId, local.from, local.to)],
        ['getAgentPerformance', local, () => getAgentPerformance(db, scope, target.agentId, local), () => seedAgentPerformance(db, target.agentId, local.from, local.to)],
        ['getUsageSummary', local, () => getUsageSummary(db, scope, local), undefined],
        ['getPlatformOverview', utc, () => getPlatformOverview(db, utc), () => seedPlatformOverview(db, utc.from)],
        ['getProviderAnalytics', utc, () => getProviderAnalytics(db, utc), () => seedProviderAnalytics(db, utc.from, utc.to)],
      ];
      // Filtered call analytics: agent alone reads the rollups; any other filter the covering index.
      const [provider] = await db.$queryRaw<{ p: string }[]>`SELECT voice_provider_used AS p FROM calls WHERE workspace_id = ${target.workspaceId}::uuid AND voice_provider_used IS NOT NULL LIMIT 1`;
      const filterCases: [string, CallFilters][] = [
        ['agent', { agentId: target.agentId }],
        ['status', { status: 'failed' }],
        ['direction', { direction: 'outbound' }],
        ['provider', { provider: provider?.p ?? 'elevenlabs' }],
        ['sentiment', { sentiment: 'negative' }],
        ['hour', { hour: 10 }],
        ['agent+status+hour', { agentId: target.agentId, status: 'completed', hour: 14 }],
      ];
      for (const [label, filters] of filterCases) {
        cases.push([`getCallAnalytics ${label}`, local, () => getCallAnalytics(db, scope, local, filters), undefined]);
      }
      for (const [name, , ours, seed] of cases) {
        if (context.match && !context.match.test(name)) continue;
        const result: BenchResult = { name, range: preset, ours: await measure(ours, runs) };
        if (seed) result.seed = await measure(seed, runs);
        // The same function on the raw tables only: what the rollups save.
        const raw = await measure(() => withoutRollups(ours), Math.min(runs, 5), 1);
        result.note = `raw tables p50 ${raw.p50.toFixed(1)} ms`;
        context.log(`  ${name} ${preset}: p50 ${result.ours.p50.toFixed(1)} ms, p95 ${result.ours.p95.toFixed(1)} ms (${result.note}; load ${loadAverage()})`);
        results.push(result);
      }
    }
    if (target.billingPeriodId && (!context.match || context.match.test('getUsageSummary'))) {
      const id = target.billingPeriodId;
      results.push({ name: 'getUsageSummary', range: 'billing period', ours: await measure(() => getUsageSummary(db, { workspaceId: target.workspaceId }, { billingPeriodId: id }), runs) });
    }
    context.log(`load average at end: ${loadAverage()}`);
    return results;
  },
};

function loadAverage(): string {
  return os.loadavg().map((load) => load.toFixed(2)).join(', ');
}

async function findTarget({ db }: BenchContext): Promise<Target> {
  const [workspace] = await db.$queryRaw<{ id: string; timezone: string }[]>`
    SELECT w.id::text AS id, w.timezone FROM workspaces w
    JOIN (SELECT workspace_id, count(*) AS n FROM calls GROUP BY 1 ORDER BY n DESC LIMIT 1) top ON top.workspace_id = w.id`;
  if (!workspace) throw new Error('the bench database has no calls');
  const [agent] = await db.$queryRaw<{ id: string }[]>`
    SELECT agent_id::text AS id FROM calls WHERE workspace_id = ${workspace.id}::uuid AND agent_id IS NOT NULL
    GROUP BY agent_id ORDER BY count(*) DESC LIMIT 1`;
  const [period] = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM billing_periods WHERE workspace_id = ${workspace.id}::uuid ORDER BY period_start DESC LIMIT 1`;
  return { workspaceId: workspace.id, timeZone: workspace.timezone, agentId: agent!.id, billingPeriodId: period?.id ?? null };
}
