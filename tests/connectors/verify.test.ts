import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VAPI_HMAC_PLAN,
  liveSecrets,
  parseTimestamp,
  signDelivery,
  verifyBland,
  verifyDelivery,
  verifyRetell,
  verifyVapi,
  ROTATION_GRACE_MS,
} from '@/lib/connectors/verify';

const body = Buffer.from('{"event":"call_analyzed","call":{"call_id":"c1","note":"café"}}', 'utf8');
const h = (entries: Record<string, string>) => new Headers(entries);
const NOW = Date.parse('2026-03-02T15:00:00Z');

describe('Vapi verification', () => {
  it('accepts the static secret as X-Vapi-Secret or Authorization: Bearer, and nothing else', () => {
    expect(verifyVapi(h({ 'X-Vapi-Secret': 's3cret' }), body, ['s3cret'])).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyVapi(h({ authorization: 'Bearer s3cret' }), body, ['s3cret'])).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyVapi(h({ 'x-vapi-secret': 's3cre' }), body, ['s3cret']).ok).toBe(false);
    expect(verifyVapi(h({ 'x-vapi-secret': 's3cret2' }), body, ['s3cret']).ok).toBe(false);
    expect(verifyVapi(h({ authorization: 'Basic s3cret' }), body, ['s3cret'])).toEqual({ ok: false, reason: expect.stringMatching(/missing/) });
    expect(verifyVapi(h({}), body, ['s3cret']).ok).toBe(false);
  });

  it('checks an HMAC plan over {timestamp}.{body} (hex, x-signature / x-timestamp)', () => {
    const ts = String(NOW);
    const digest = createHmac('sha256', 'k').update(`${ts}.${body.toString('utf8')}`).digest('hex');
    const auth = { mode: 'hmac' as const, plan: DEFAULT_VAPI_HMAC_PLAN };
    expect(verifyVapi(h({ 'x-signature': digest, 'x-timestamp': ts }), body, ['k'], auth, NOW)).toEqual({ ok: true, secretIndex: 0 });
    // The same timestamp in seconds verifies too, and the signature covers the timestamp text.
    const secs = String(NOW / 1000);
    const digestSecs = createHmac('sha256', 'k').update(`${secs}.${body.toString('utf8')}`).digest('hex');
    expect(verifyVapi(h({ 'x-signature': digestSecs, 'x-timestamp': secs }), body, ['k'], auth, NOW).ok).toBe(true);
    expect(verifyVapi(h({ 'x-signature': digest, 'x-timestamp': secs }), body, ['k'], auth, NOW).ok).toBe(false);
    // Stale, altered, or wrong key.
    expect(verifyVapi(h({ 'x-signature': digest, 'x-timestamp': ts }), body, ['k'], auth, NOW + 5 * 60_000 + 1)).toEqual({ ok: false, reason: 'timestamp more than 5 minutes off' });
    expect(verifyVapi(h({ 'x-signature': digest, 'x-timestamp': ts }), Buffer.concat([body, Buffer.from(' ')]), ['k'], auth, NOW).ok).toBe(false);
    expect(verifyVapi(h({ 'x-signature': digest, 'x-timestamp': ts }), body, ['other'], auth, NOW).ok).toBe(false);
  });

  it('follows a configured plan: sha512, base64, a prefix, other header names', () => {
    const plan = { algorithm: 'sha512' as const, signatureHeader: 'x-sig', timestampHeader: 'x-ts', signatureEncoding: 'base64' as const, signaturePrefix: 'sha512=', payloadFormat: '{timestamp}:{body}' };
    const ts = new Date(NOW).toISOString();
    const digest = createHmac('sha512', 'k').update(`${ts}:`).update(body).digest('base64');
    expect(verifyVapi(h({ 'x-sig': `sha512=${digest}`, 'x-ts': ts }), body, ['k'], { mode: 'hmac', plan }, NOW).ok).toBe(true);
    expect(verifyVapi(h({ 'x-sig': `sha512=${digest}`, 'x-ts': ts }), body, ['j'], { mode: 'hmac', plan }, NOW).ok).toBe(false);
  });
});

describe('Retell verification', () => {
  const sign = (key: string, ts: number, payload: Buffer = body) => `v=${ts},d=${createHmac('sha256', key).update(payload.toString('utf8') + ts).digest('hex')}`;

  it('accepts HMAC-SHA256 hex over the raw body followed by the timestamp digits, keyed with the API key', () => {
    expect(verifyRetell(h({ 'x-retell-signature': sign('key_abc', NOW) }), body, ['key_abc'], NOW)).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyRetell(h({ 'x-retell-signature': sign('key_abc', NOW - 4 * 60_000) }), body, ['key_abc'], NOW).ok).toBe(true);
  });

  it('refuses a stale or future timestamp, a wrong key, an altered body, a malformed header', () => {
    expect(verifyRetell(h({ 'x-retell-signature': sign('key_abc', NOW - 5 * 60_000 - 1) }), body, ['key_abc'], NOW)).toEqual({ ok: false, reason: 'timestamp more than 5 minutes off' });
    expect(verifyRetell(h({ 'x-retell-signature': sign('key_abc', NOW + 6 * 60_000) }), body, ['key_abc'], NOW).ok).toBe(false);
    expect(verifyRetell(h({ 'x-retell-signature': sign('key_xyz', NOW) }), body, ['key_abc'], NOW).ok).toBe(false);
    const altered = Buffer.from(body.toString('utf8').replace('c1', 'c2'));
    expect(verifyRetell(h({ 'x-retell-signature': sign('key_abc', NOW) }), altered, ['key_abc'], NOW).ok).toBe(false);
    expect(verifyRetell(h({ 'x-retell-signature': 'd=abc,v=1' }), body, ['key_abc'], NOW).ok).toBe(false);
    expect(verifyRetell(h({ 'x-retell-signature': `v=${NOW},d=zz` }), body, ['key_abc'], NOW).ok).toBe(false);
    expect(verifyRetell(h({}), body, ['key_abc'], NOW).ok).toBe(false);
  });

  it('the signature signs the timestamp: moving v= breaks it', () => {
    const header = sign('key_abc', NOW).replace(`v=${NOW}`, `v=${NOW + 1}`);
    expect(verifyRetell(h({ 'x-retell-signature': header }), body, ['key_abc'], NOW).ok).toBe(false);
  });
});

describe('Bland verification', () => {
  it('accepts hex HMAC-SHA256 of the raw body with the connector secret', () => {
    const digest = createHmac('sha256', 'bland-secret').update(body).digest('hex');
    expect(verifyBland(h({ 'X-Webhook-Signature': digest }), body, ['bland-secret'])).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyBland(h({ 'X-Webhook-Signature': digest.toUpperCase() }), body, ['bland-secret']).ok).toBe(true);
    expect(verifyBland(h({ 'X-Webhook-Signature': digest.slice(2) }), body, ['bland-secret']).ok).toBe(false);
    expect(verifyBland(h({ 'X-Webhook-Signature': digest }), Buffer.from(body.toString().replace('café', 'cafe')), ['bland-secret']).ok).toBe(false);
    expect(verifyBland(h({}), body, ['bland-secret']).ok).toBe(false);
  });
});

describe('secret rotation', () => {
  const rotatedAt = new Date(NOW);
  it('keeps the previous secret live for 24 h after the rotation, then drops it', () => {
    expect(liveSecrets('new', { secret: 'old', rotatedAt }, NOW + ROTATION_GRACE_MS - 1)).toEqual(['new', 'old']);
    expect(liveSecrets('new', { secret: 'old', rotatedAt }, NOW + ROTATION_GRACE_MS)).toEqual(['new']);
    expect(liveSecrets('new', null, NOW)).toEqual(['new']);
  });

  it('every platform verifies with either live secret', () => {
    for (const platform of ['vapi', 'retell', 'bland'] as const) {
      const headers = h(signDelivery(platform, body, 'old', { now: NOW }));
      expect(verifyDelivery(platform, headers, body, ['new', 'old'], { now: NOW })).toEqual({ ok: true, secretIndex: 1 });
      expect(verifyDelivery(platform, headers, body, ['new'], { now: NOW }).ok).toBe(false);
      expect(verifyDelivery(platform, headers, body, [], { now: NOW }).ok).toBe(false);
    }
  });
});

describe('timestamps', () => {
  it('reads seconds, milliseconds and ISO instants; nothing else', () => {
    expect(parseTimestamp('1772463600')).toBe(1772463600000);
    expect(parseTimestamp('1772463600000')).toBe(1772463600000);
    expect(parseTimestamp('2026-03-02T15:00:00Z')).toBe(NOW);
    expect(parseTimestamp('yesterday')).toBeNull();
    expect(parseTimestamp('-5')).toBeNull();
  });
});
