import { randomBytes } from 'node:crypto';
import { signDelivery, type Platform, type VerifyOptions } from '@/lib/connectors/verify';
import { POST } from '@/app/api/v1/webhooks/[platform]/[connectorId]/route';
import { call } from '../api/session';

// Every suite that seals secrets needs a key; one random key per test process.
process.env.SECRETS_KEY ||= randomBytes(32).toString('base64');

/** Posts raw bytes to a connector's webhook URL, signed (unless `headers` replace the signature) as the platform would sign them. */
export async function deliver(platform: Platform, connectorId: string, secret: string, body: unknown, options: VerifyOptions & { headers?: Record<string, string | null>; raw?: string } = {}) {
  const text = options.raw ?? (typeof body === 'string' ? body : JSON.stringify(body));
  const signed = signDelivery(platform, text, secret, options);
  return call(POST, `/api/v1/webhooks/${platform}/${connectorId}`, { platform, connectorId }, null, {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'application/json', ...signed, ...(options.headers ?? {}) },
  });
}
