import { z } from 'zod';
import { PLATFORMS } from '@/lib/connectors/verify';
import { id, instant } from './common';

/** Settings → Integrations: connectors of a workspace (admins and owners). */

export const createConnectorBody = z.object({
  platform: z.enum(PLATFORMS),
  name: z.string().trim().max(100).optional(),
  /** Retell: the workspace's Retell API key (required). Vapi / Bland: optional, generated when absent. */
  secret: z.string().trim().max(512).optional(),
  vapiAuth: z.enum(['secret', 'hmac']).optional(),
});

export const rotateConnectorBody = z.object({ secret: z.string().trim().max(512).optional() });
export const updateConnectorBody = z.object({ disabled: z.boolean() });

export const connectorJson = z.object({
  id,
  platform: z.enum(PLATFORMS),
  name: z.string(),
  path: z.string(),
  createdAt: instant,
  disabledAt: instant.nullable(),
  secretRotatedAt: instant.nullable(),
  lastDeliveryAt: instant.nullable(),
  last24h: z.object({ accepted: z.number().int(), rejected: z.number().int(), ignored: z.number().int() }),
});

export const connectorListResponse = z.object({ connectors: z.array(connectorJson) });
/** The only response that carries the secret: shown once. */
export const connectorCreatedResponse = z.object({ connector: z.object({ id, platform: z.enum(PLATFORMS), name: z.string() }), path: z.string(), secret: z.string() });
export const connectorRotatedResponse = z.object({ secret: z.string() });
export const connectorUpdatedResponse = z.object({ ok: z.literal(true) });
