import { callerActor } from '@/lib/audit';
import { badRequest } from '@/lib/api/errors';
import { withApi } from '@/lib/api/handler';
import { connectorCreatedResponse, connectorListResponse, createConnectorBody } from '@/lib/api/schemas/connectors';
import { clientIp } from '@/lib/auth/client-ip';
import { ConnectorInputError, createConnector, listConnectors } from '@/lib/connectors/store';

export const GET = withApi({ access: 'workspace', role: 'admin', response: connectorListResponse }, async ({ db, workspaceId }) => ({
  connectors: await listConnectors(db, workspaceId),
}));

/** Creates a connector; the answer is the only time its secret is shown. */
export const POST = withApi({ access: 'workspace', role: 'admin', body: createConnectorBody, response: connectorCreatedResponse }, async ({ db, workspaceId, caller, body, request }) => {
  try {
    const created = await createConnector(db, { workspaceId, ...body, actor: callerActor(caller, clientIp(request.headers)) });
    return Response.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof ConnectorInputError) throw badRequest(error.field, error.message);
    throw error;
  }
});
