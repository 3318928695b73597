import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook verification for the three platforms, on the raw request bytes before anything
 * parses them (a body altered after signing, or re-serialised, no longer verifies). Every
 * comparison is constant-time (`timingSafeEqual` on equal-length buffers). Each verifier
 * takes the connector's live secrets, newest first: after a rotation the old one stays
 * valid for 24 h (see liveSecrets), so a sender can be switched over without a gap.
 * Pure: no database, no clock unless `now` is left out.
 */

export const PLATFORMS = ['vapi', 'retell', 'bland'] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** Read-only view of request headers (a Fetch `Headers` fits; names are case-insensitive). */
export type HeaderReader = { get(name: string): string | null };

export type VerifyResult = { ok: true; secretIndex: number } | { ok: false; reason: string };

/** How long a rotated-out secret keeps verifying. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
/** Retell's SDK, and our Vapi HMAC check, refuse timestamps further than this from now. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The secrets that verify now: the current one, then the previous one while it is younger
 * than the grace period after the rotation that replaced it.
 */
export function liveSecrets(current: string, previous: { secret: string; rotatedAt: Date } | null, now = Date.now()): string[] {
  if (previous && now - previous.rotatedAt.getTime() < ROTATION_GRACE_MS) return [current, previous.secret];
  return [current];
}

/** Equal strings, in time independent of where they differ (both hashed to 32 bytes first). */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** A digest given as text (hex or base64) against the bytes we computed: lengths first, then constant-time. */
function digestMatches(given: string, expected: Buffer, encoding: 'hex' | 'base64'): boolean {
  const text = given.trim();
  let bytes: Buffer;
  if (encoding === 'hex') {
    if (!/^[0-9a-fA-F]+$/.test(text) || text.length % 2 !== 0) return false;
    bytes = Buffer.from(text, 'hex');
  } else {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return false;
    bytes = Buffer.from(text, 'base64');
  }
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

// ---------------------------------------------------------------------------------- Vapi

export type VapiHmacPlan = {
  algorithm: 'sha256' | 'sha512' | 'sha1';
  signatureHeader: string;
  timestampHeader: string;
  signatureEncoding: 'hex' | 'base64';
  /** e.g. "sha256=" (GitHub style); stripped before comparing. */
  signaturePrefix: string;
  /** What is signed; `{timestamp}` and `{body}` are replaced (the body as its raw bytes). */
  payloadFormat: string;
};

/** How a Vapi connector authenticates: the static secret (Vapi's Bearer credential, header X-Vapi-Secret by default) or an HMAC plan. */
export type VapiAuth = { mode: 'secret' } | { mode: 'hmac'; plan: VapiHmacPlan };

export const DEFAULT_VAPI_HMAC_PLAN: VapiHmacPlan = {
  algorithm: 'sha256',
  signatureHeader: 'x-signature',
  timestampHeader: 'x-timestamp',
  signatureEncoding: 'hex',
  signaturePrefix: '',
  payloadFormat: '{timestamp}.{body}',
};

/** The bytes an HMAC plan signs: payloadFormat with the timestamp text and the raw body spliced in. */
export function vapiSignedBytes(plan: Pick<VapiHmacPlan, 'payloadFormat'>, timestamp: string, body: Buffer): Buffer {
  const parts = plan.payloadFormat.split('{body}');
  const chunks: Buffer[] = [];
  parts.forEach((part, i) => {
    if (i > 0) chunks.push(body);
    chunks.push(Buffer.from(part.replaceAll('{timestamp}', timestamp), 'utf8'));
  });
  return Buffer.concat(chunks);
}

/** A timestamp header as epoch ms: seconds or ms since the epoch, or an ISO 8601 instant; null when none of those. */
export function parseTimestamp(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,16}$/.test(t)) {
    const n = Number(t);
    return n < 1e11 ? n * 1000 : n;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

export function verifyVapi(headers: HeaderReader, body: Buffer, secrets: readonly string[], auth: VapiAuth = { mode: 'secret' }, now = Date.now()): VerifyResult {
  if (auth.mode === 'secret') {
    const given = headers.get('x-vapi-secret') ?? bearer(headers.get('authorization'));
    if (!given) return { ok: false, reason: 'missing X-Vapi-Secret or Authorization: Bearer header' };
    return firstMatch(secrets, (secret) => constantTimeEqual(given, secret), 'secret does not match');
  }
  const { plan } = auth;
  const signature = headers.get(plan.signatureHeader);
  const timestamp = headers.get(plan.timestampHeader);
  if (!signature || !timestamp) return { ok: false, reason: `missing ${plan.signatureHeader} or ${plan.timestampHeader} header` };
  const at = parseTimestamp(timestamp);
  if (at === null) return { ok: false, reason: 'timestamp is not a time' };
  if (Math.abs(now - at) > TIMESTAMP_TOLERANCE_MS) return { ok: false, reason: 'timestamp more than 5 minutes off' };
  const given = plan.signaturePrefix && signature.startsWith(plan.signaturePrefix) ? signature.slice(plan.signaturePrefix.length) : signature;
  const signed = vapiSignedBytes(plan, timestamp, body);
  return firstMatch(secrets, (secret) => digestMatches(given, createHmac(plan.algorithm, secret).update(signed).digest(), plan.signatureEncoding), 'signature does not match');
}

export function signVapiHmac(body: Buffer | string, secret: string, timestamp: string, plan: VapiHmacPlan = DEFAULT_VAPI_HMAC_PLAN): Record<string, string> {
  const digest = createHmac(plan.algorithm, secret).update(vapiSignedBytes(plan, timestamp, Buffer.from(body))).digest(plan.signatureEncoding);
  return { [plan.signatureHeader]: plan.signaturePrefix + digest, [plan.timestampHeader]: timestamp };
}

function bearer(value: string | null): string | null {
  const match = value ? /^Bearer\s+(.+)$/i.exec(value.trim()) : null;
  return match ? match[1]!.trim() : null;
}

// -------------------------------------------------------------------------------- Retell

/** Retell's digest: hex HMAC-SHA256, keyed with the API key, over the raw body followed by the timestamp's decimal digits. */
function retellDigest(body: Buffer, apiKey: string, timestampDigits: string): Buffer {
  return createHmac('sha256', apiKey).update(body).update(timestampDigits, 'utf8').digest();
}

export function verifyRetell(headers: HeaderReader, body: Buffer, apiKeys: readonly string[], now = Date.now()): VerifyResult {
  const header = headers.get('x-retell-signature');
  if (!header) return { ok: false, reason: 'missing x-retell-signature header' };
  const match = /^v=(\d{1,16}),d=([0-9a-fA-F]+)$/.exec(header.trim());
  if (!match) return { ok: false, reason: 'x-retell-signature is not v=<ms>,d=<hex>' };
  const digits = String(Number(match[1]));
  if (Math.abs(now - Number(digits)) > TIMESTAMP_TOLERANCE_MS) return { ok: false, reason: 'timestamp more than 5 minutes off' };
  return firstMatch(apiKeys, (key) => digestMatches(match[2]!, retellDigest(body, key, digits), 'hex'), 'signature does not match');
}

export function signRetell(body: Buffer | string, apiKey: string, timestampMs = Date.now()): Record<string, string> {
  const digits = String(Math.trunc(timestampMs));
  return { 'x-retell-signature': `v=${digits},d=${retellDigest(Buffer.from(body), apiKey, digits).toString('hex')}` };
}

// --------------------------------------------------------------------------------- Bland

export function verifyBland(headers: HeaderReader, body: Buffer, secrets: readonly string[]): VerifyResult {
  const header = headers.get('x-webhook-signature');
  if (!header) return { ok: false, reason: 'missing X-Webhook-Signature header' };
  return firstMatch(secrets, (secret) => digestMatches(header, createHmac('sha256', secret).update(body).digest(), 'hex'), 'signature does not match');
}

export function signBland(body: Buffer | string, secret: string): Record<string, string> {
  return { 'x-webhook-signature': createHmac('sha256', secret).update(Buffer.from(body)).digest('hex') };
}

// ------------------------------------------------------------------------------ dispatch

export type VerifyOptions = { vapiAuth?: VapiAuth; now?: number };

export function verifyDelivery(platform: Platform, headers: HeaderReader, body: Buffer, secrets: readonly string[], options: VerifyOptions = {}): VerifyResult {
  if (secrets.length === 0) return { ok: false, reason: 'connector has no secret' };
  const now = options.now ?? Date.now();
  switch (platform) {
    case 'vapi':
      return verifyVapi(headers, body, secrets, options.vapiAuth, now);
    case 'retell':
      return verifyRetell(headers, body, secrets, now);
    case 'bland':
      return verifyBland(headers, body, secrets);
  }
}

/** Signed headers for a body as each platform would send them with its default settings (tests and the demo). */
export function signDelivery(platform: Platform, body: Buffer | string, secret: string, options: VerifyOptions = {}): Record<string, string> {
  const now = options.now ?? Date.now();
  switch (platform) {
    case 'vapi':
      return options.vapiAuth?.mode === 'hmac' ? signVapiHmac(body, secret, String(now), options.vapiAuth.plan) : { 'x-vapi-secret': secret };
    case 'retell':
      return signRetell(body, secret, now);
    case 'bland':
      return signBland(body, secret);
  }
}

/** Checks every secret (no early exit) and reports the first that matched. */
function firstMatch(secrets: readonly string[], matches: (secret: string) => boolean, reason: string): VerifyResult {
  let index = -1;
  secrets.forEach((secret, i) => {
    if (matches(secret) && index < 0) index = i;
  });
  return index >= 0 ? { ok: true, secretIndex: index } : { ok: false, reason };
}
