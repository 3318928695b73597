import { z } from 'zod';
import { localDate, money, rangeJson, sentimentShares } from './common';

const overviewFigures = z.object({
  calls: z.object({ total: z.number().int(), completed: z.number().int(), failed: z.number().int(), avgDuration: z.number(), totalMinutes: z.number() }),
  cost: z.object({ total: money, byProvider: z.record(z.string(), money), trend: z.array(z.object({ date: localDate, cost: money })) }),
  performance: z.object({ successRate: z.number(), avgResponseTime: z.number(), sentiment: sentimentShares }),
});

/** GET /api/workspaces/{id}/overview */
export const overviewResponse = overviewFigures.extend({
  range: rangeJson,
  previous: overviewFigures.extend({ range: rangeJson }),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
