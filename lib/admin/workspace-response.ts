import { z } from 'zod';
import { id, instant, money, rangeJson } from '@/lib/api/schemas/common';
import { WORKSPACE_ORDERS, WORKSPACE_SORTS } from './workspace-query';

/** GET /api/admin/workspaces: the admin workspace list, searched and sorted. */
export const adminWorkspacesResponse = z.object({
  range: rangeJson,
  q: z.string(),
  sort: z.enum(WORKSPACE_SORTS),
  order: z.enum(WORKSPACE_ORDERS),
  /** Every workspace, before the search. */
  total: z.number().int(),
  workspaces: z.array(
    z.object({
      workspaceId: id,
      name: z.string(),
      slug: z.string(),
      status: z.enum(['active', 'trialing', 'past_due', 'cancelled']),
      tier: z.string().nullable(),
      timeZone: z.string(),
      createdAt: instant,
      cancelledAt: instant.nullable(),
      calls: z.number().int(),
      revenue: money,
      mrr: money,
    }),
  ),
});
export type AdminWorkspacesResponse = z.infer<typeof adminWorkspacesResponse>;
