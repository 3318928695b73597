import { withApi } from '@/lib/api/handler';
import { countFiring, listAlertHistory } from '@/lib/alerts';
import { alertHistoryResponse } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** GET: the platform's alert history and how many fire now; platform admins. */
export const GET = withApi({ access: 'platform-admin', response: alertHistoryResponse }, async ({ db }) => ({ firing: await countFiring(db, null), alerts: await listAlertHistory(db, null) }));
