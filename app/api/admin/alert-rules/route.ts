import { withApi } from '@/lib/api/handler';
import { jsonResponse } from '@/lib/api/errors';
import { createRule, listDeliveries, listRules, platformRuleBody } from '@/lib/alerts';
import { channelStatus } from '@/lib/alerts/api';
import { alertRuleListResponse } from '@/lib/api/schemas';
import { callerActor } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

/** GET: the platform's alert rules (provider margin, provider p95 latency); platform admins. */
export const GET = withApi({ access: 'platform-admin', response: alertRuleListResponse }, async ({ db }) => ({
  rules: await listRules(db, null),
  deliveries: await listDeliveries(db, null),
  channels: channelStatus(),
}));

/** POST a platform rule: metric provider_margin | provider_p95_latency, optional filters.provider. Audited. */
export const POST = withApi({ access: 'platform-admin', body: platformRuleBody }, async ({ db, caller, request, body }) =>
  jsonResponse(await createRule(db, null, body, callerActor(caller, clientIp(request.headers))), 201),
);
