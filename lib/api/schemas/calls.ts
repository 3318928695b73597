import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_STATUSES, SENTIMENTS } from '@/lib/analytics';
import { id, instant, money, rangeJson } from './common';

export const callListRow = z.object({
  id,
  startedAt: instant,
  endedAt: instant.nullable(),
  agentId: id.nullable(),
  agentName: z.string().nullable(),
  agentDeleted: z.boolean(),
  callerNumber: z.string().nullable(),
  direction: z.enum(CALL_DIRECTIONS),
  status: z.enum(CALL_STATUSES),
  durationSeconds: z.number().int().nullable(),
  cost: money,
  sentiment: z.enum(SENTIMENTS).nullable(),
  provider: z.string().nullable(),
  intent: z.string().nullable(),
});

/** GET /api/workspaces/{id}/calls: one page; pass nextCursor back as `cursor` for the next. */
export const callListResponse = z.object({
  range: rangeJson,
  items: z.array(callListRow),
  nextCursor: z.string().nullable(),
});
export type CallListResponse = z.infer<typeof callListResponse>;
export type CallListItem = z.infer<typeof callListRow>;
