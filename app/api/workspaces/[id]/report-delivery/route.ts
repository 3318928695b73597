import { withApi } from '@/lib/api/handler';
import { channelStatus } from '@/lib/alerts/api';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { getReportDelivery, reportDeliveryBody, saveReportDelivery } from '@/lib/delivery/report-subscription';

export const dynamic = 'force-dynamic';

/** GET: whether scheduled reports are on, which, and to whom; owners and workspace admins. */
export const GET = withApi({ access: 'workspace', role: 'admin' }, async ({ db, workspaceId }) => ({
  ...(await getReportDelivery(db, workspaceId)),
  email: channelStatus().email,
}));

/** PUT { enabled, monthly, quarterly, recipients[] }. Audited. */
export const PUT = withApi({ access: 'workspace', role: 'admin', body: reportDeliveryBody }, async ({ db, workspaceId, caller, request, body }) =>
  saveReportDelivery(db, workspaceId, body, callerActor(caller, clientIp(request.headers))),
);
