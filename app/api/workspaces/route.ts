import { listAccessibleWorkspaces } from '@/lib/auth/access';
import { withApi } from '@/lib/api/handler';
import { workspaceListResponse } from '@/lib/api/schemas';

/** The caller's workspaces with their role and time zone; every workspace for a platform admin. */
export const GET = withApi({ access: 'signed-in', response: workspaceListResponse }, async ({ db, caller }) => ({
  workspaces: await listAccessibleWorkspaces(db, caller),
}));
