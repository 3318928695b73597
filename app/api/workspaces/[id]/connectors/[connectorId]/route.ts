import { z } from 'zod';
import { callerActor } from '@/lib/audit';
import { notFound } from '@/lib/api/errors';
import { withApi } from '@/lib/api/handler';
import { connectorUpdatedResponse, updateConnectorBody } from '@/lib/api/schemas/connectors';
import { clientIp } from '@/lib/auth/client-ip';
import { deleteConnector, setConnectorDisabled } from '@/lib/connectors/store';

const params = z.object({ connectorId: z.guid() });

/** Disables or re-enables a connector: a disabled one answers 404 to its platform. */
export const PATCH = withApi({ access: 'workspace', role: 'admin', params, body: updateConnectorBody, response: connectorUpdatedResponse }, async ({ db, workspaceId, caller, params, body, request }) => {
  const ok = await setConnectorDisabled(db, { workspaceId, connectorId: params.connectorId, disabled: body.disabled, actor: callerActor(caller, clientIp(request.headers)) });
  if (!ok) throw notFound();
  return { ok: true as const };
});

/** Deletes a connector and its delivery log; the calls it brought in stay. */
export const DELETE = withApi({ access: 'workspace', role: 'admin', params, response: connectorUpdatedResponse }, async ({ db, workspaceId, caller, params, request }) => {
  const ok = await deleteConnector(db, { workspaceId, connectorId: params.connectorId, actor: callerActor(caller, clientIp(request.headers)) });
  if (!ok) throw notFound();
  return { ok: true as const };
});
