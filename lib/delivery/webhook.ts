import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { randomBytes } from 'node:crypto';
import { guardedLookup } from './ssrf';

/** A new Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The three Standard Webhooks headers for `body`, signed with `secret` (whsec_…). */
export function signWebhook(secret: string, messageId: string, timestamp: Date, body: string): Record<string, string> {
  const signature = new Webhook(secret).sign(messageId, timestamp, body);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

export type WebhookResult = { ok: boolean; status: number | null; error?: string };

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs a signed JSON body. 2xx is delivered; anything else (a status, a refused or
 * private address, a timeout) is an error the outbox retries. Redirects are not followed:
 * a redirect could lead to a private address the guard never saw.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, env: Record<string, string | undefined> = process.env): Promise<WebhookResult> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'VoiceDash-Webhooks/1', ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(env) as never,
        timeout: WEBHOOK_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    req.on('error', (error) => resolve({ ok: false, status: null, error: error.message }));
    req.end(body);
  });
}
