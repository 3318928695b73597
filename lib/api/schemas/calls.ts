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
  /** Calls in the range after filters, and how many come before this page ("51–100 of 2,665"). */
  total: z.number().int(),
  offset: z.number().int(),
});
export type CallListResponse = z.infer<typeof callListResponse>;
export type CallListItem = z.infer<typeof callListRow>;

/** GET /api/workspaces/{id}/calls/{callId}: one call; amounts are what the workspace is billed. */
export const callDetailResponse = callListRow.extend({
  avgResponseMs: z.number().int().nullable(),
  endedReason: z.string().nullable(),
  source: z.string().nullable(),
  externalId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  summary: z.string().nullable(),
  transcript: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  usage: z.array(z.object({ id, provider: z.string(), usageType: z.string(), quantity: z.string(), billed: money, createdAt: instant })),
  events: z.array(
    z.object({ eventId: z.string(), type: z.string().nullable(), source: z.string().nullable(), occurredAt: instant, receivedAt: instant.nullable(), fields: z.array(z.string()) }),
  ),
});
export type CallDetailResponse = z.infer<typeof callDetailResponse>;
