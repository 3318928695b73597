import { z } from 'zod';
import { id, instant, localDate, money, rangeJson, sentimentShares } from './common';

/** GET /api/workspaces/{id}/agents */
export const agentListResponse = z.object({
  range: rangeJson,
  agents: z.array(
    z.object({
      id,
      name: z.string(),
      createdAt: instant,
      /** Set when the agent was deleted; its history still counts. */
      deletedAt: instant.nullable(),
      calls: z.number().int(),
      completed: z.number().int(),
      /** Calls that ended: 0 means successRate has no data. */
      terminal: z.number().int(),
      successRate: z.number(),
      totalMinutes: z.number(),
      cost: money,
    }),
  ),
});
export type AgentListResponse = z.infer<typeof agentListResponse>;

/** GET /api/workspaces/{id}/agents/{agentId}/performance */
export const agentPerformanceResponse = z.object({
  range: rangeJson,
  agent: z.object({ id, name: z.string(), deletedAt: instant.nullable() }),
  totalCalls: z.number().int(),
  completed: z.number().int(),
  successRate: z.number(),
  avgDuration: z.number(),
  totalMinutes: z.number(),
  avgResponseTime: z.number(),
  sentiment: sentimentShares,
  topIntents: z.array(z.object({ intent: z.string(), count: z.number().int() })).max(5),
  callTrend: z.array(z.object({ date: localDate, count: z.number().int() })),
});
export type AgentPerformanceResponse = z.infer<typeof agentPerformanceResponse>;
