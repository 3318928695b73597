import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { id } from './common';

/** GET /api/workspaces */
export const workspaceListResponse = z.object({
  workspaces: z.array(
    z.object({
      id,
      name: z.string(),
      slug: z.string(),
      /** IANA zone in which the workspace's dates and hours are shown. */
      timezone: z.string(),
      status: z.enum(['active', 'trialing', 'past_due', 'cancelled']),
      /** null for a platform admin who is not a member. */
      role: z.enum(ROLES).nullable(),
    }),
  ),
});
export type WorkspaceListResponse = z.infer<typeof workspaceListResponse>;
