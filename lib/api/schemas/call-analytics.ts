import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_STATUSES, SENTIMENTS } from '@/lib/analytics';
import { id, money, rangeJson } from './common';

const countsBy = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])) as { [K in T[number]]: z.ZodNumber });

/** GET /api/workspaces/{id}/calls/analytics */
export const callAnalyticsResponse = z.object({
  range: rangeJson,
  filters: z.object({
    agentId: id.optional(),
    status: z.enum(CALL_STATUSES).optional(),
    direction: z.enum(CALL_DIRECTIONS).optional(),
    provider: z.string().optional(),
    sentiment: z.enum(SENTIMENTS).optional(),
  }),
  totalCalls: z.number().int(),
  completed: z.number().int(),
  successRate: z.number(),
  totalMinutes: z.number(),
  callsByStatus: countsBy(CALL_STATUSES),
  callsByDirection: countsBy(CALL_DIRECTIONS),
  callsByAgent: z.array(
    z.object({
      agentId: id.nullable(),
      agentName: z.string().nullable(),
      agentDeleted: z.boolean(),
      count: z.number().int(),
      completed: z.number().int(),
      /** Calls that ended: 0 means successRate has no data. */
      terminal: z.number().int(),
      successRate: z.number(),
      totalMinutes: z.number(),
      cost: money,
    }),
  ),
  callsByHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count: z.number().int() })).length(24),
  avgDuration: z.number(),
  longestCall: z.number().nullable(),
  shortestCall: z.number().nullable(),
});
export type CallAnalyticsResponse = z.infer<typeof callAnalyticsResponse>;
