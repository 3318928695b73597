import { z } from 'zod';
import { callerActor } from '@/lib/audit';
import { badRequest, notFound } from '@/lib/api/errors';
import { withApi } from '@/lib/api/handler';
import { connectorRotatedResponse, rotateConnectorBody } from '@/lib/api/schemas/connectors';
import { clientIp } from '@/lib/auth/client-ip';
import { ConnectorInputError, rotateConnectorSecret } from '@/lib/connectors/store';

const params = z.object({ connectorId: z.guid() });

/** A new secret (Retell: the new API key, required); the old one keeps verifying for 24 h. Shown once. */
export const POST = withApi({ access: 'workspace', role: 'admin', params, body: rotateConnectorBody, response: connectorRotatedResponse }, async ({ db, workspaceId, caller, params, body, request }) => {
  try {
    const rotated = await rotateConnectorSecret(db, { workspaceId, connectorId: params.connectorId, secret: body.secret, actor: callerActor(caller, clientIp(request.headers)) });
    if (!rotated) throw notFound();
    return rotated;
  } catch (error) {
    if (error instanceof ConnectorInputError) throw badRequest(error.field, error.message);
    throw error;
  }
});
