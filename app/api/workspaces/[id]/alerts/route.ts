import { withApi } from '@/lib/api/handler';
import { countFiring, listAlertHistory } from '@/lib/alerts';
import { alertHistoryResponse } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** GET: the alert history (newest first, last 100) and how many alerts fire now; every member. */
export const GET = withApi({ access: 'workspace', response: alertHistoryResponse }, async ({ db, workspaceId }) => ({
  firing: await countFiring(db, workspaceId),
  alerts: await listAlertHistory(db, workspaceId),
}));
