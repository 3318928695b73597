import { z } from 'zod';
import { id, instant, localDate, money, rangeJson } from './common';

const platformRangeFigures = z.object({
  totalCalls: z.number().int(),
  totalRevenue: money,
  churnRate: z.number(),
  churnedWorkspaces: z.number().int(),
});

/** GET /api/admin/overview */
export const adminOverviewResponse = platformRangeFigures.extend({
  range: rangeJson,
  totalWorkspaces: z.number().int(),
  activeWorkspaces: z.number().int(),
  mrr: money,
  arr: money,
  topWorkspaces: z.array(z.object({ workspaceId: id, name: z.string(), calls: z.number().int(), revenue: money })).max(10),
  previous: platformRangeFigures.extend({ range: rangeJson }),
  /** Draft billing periods starting in the range (not final, not in totalRevenue). */
  draftRevenue: money,
  /** Workspaces, active, MRR and ARR at the range's start (the figures above are at its end). */
  atStart: z.object({ at: instant, totalWorkspaces: z.number().int(), activeWorkspaces: z.number().int(), mrr: money, arr: money }),
});
export type AdminOverviewResponse = z.infer<typeof adminOverviewResponse>;

/** GET /api/admin/providers */
export const adminProvidersResponse = z.object({
  range: rangeJson,
  providers: z.array(
    z.object({
      provider: z.string(),
      totalCalls: z.number().int(),
      completed: z.number().int(),
      successRate: z.number(),
      avgLatency: z.number().nullable(),
      p95Latency: z.number().nullable(),
      totalCost: money,
      totalRevenue: money,
      profitMargin: z.number().nullable(),
      latencyTrend: z.array(z.object({ date: localDate, avgLatency: z.number().nullable() })),
    }),
  ),
});
export type AdminProvidersResponse = z.infer<typeof adminProvidersResponse>;
