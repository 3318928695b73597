import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ConfigError } from '@/lib/env';

/**
 * Secrets at rest (connector secrets, Retell API keys): AES-256-GCM with a key from the
 * environment, never a key in the database. A stored value names the key that sealed it:
 *
 *   v1.<key id>.<iv>.<ciphertext>.<tag>      (base64url parts; key id = first 8 bytes of SHA-256(key), hex)
 *
 * Rotating the key without downtime: set the new key as SECRETS_KEY and the old one as
 * SECRETS_KEY_PREVIOUS; values sealed by either open, new ones are sealed by the new key,
 * and `npm run secrets:reencrypt` rewrites the old ones, after which the previous key can go.
 * The workspace id (or any context) is bound as additional authenticated data, so a
 * sealed value copied to another row does not open there.
 */

export type Keyring = { current: Buffer; previous: Buffer[] };

const VERSION = 'v1';

function parseKey(name: string, value: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`${name}: must be 32 bytes, base64-encoded (e.g. \`openssl rand -base64 32\`)`);
  return key;
}

/** The keys from SECRETS_KEY (required) and SECRETS_KEY_PREVIOUS (optional, comma-separated). */
export function keyringFromEnv(env: Record<string, string | undefined> = process.env): Keyring {
  if (!env.SECRETS_KEY) throw new ConfigError('SECRETS_KEY: not set (32 bytes, base64; `npm start` generates one into .data/secrets-key)');
  const previous = (env.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => parseKey('SECRETS_KEY_PREVIOUS', v));
  return { current: parseKey('SECRETS_KEY', env.SECRETS_KEY), previous };
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('hex');
}

/** Seals `plaintext`, bound to `context` (e.g. the workspace id). */
export function encryptSecret(plaintext: string, context: string, keyring: Keyring = keyringFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keyId(keyring.current), iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export class SecretDecryptionError extends Error {
  override name = 'SecretDecryptionError';
}

/** Opens a sealed value with whichever key of the ring sealed it; throws when none did or it was tampered with. */
export function decryptSecret(sealed: string, context: string, keyring: Keyring = keyringFromEnv()): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretDecryptionError('not a sealed secret');
  const [, kid, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  const key = [keyring.current, ...keyring.previous].find((k) => keyId(k) === kid);
  if (!key) throw new SecretDecryptionError(`sealed with an unknown key (${kid}): is SECRETS_KEY_PREVIOUS set?`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('sealed secret does not open (tampered with, or another context)');
  }
}

/** True when the value was sealed by the current key (nothing to re-encrypt). */
export function isSealedWithCurrentKey(sealed: string, keyring: Keyring = keyringFromEnv()): boolean {
  return sealed.split('.')[1] === keyId(keyring.current);
}

/** The value sealed again by the current key, or null when it already is. */
export function reencryptSecret(sealed: string, context: string, keyring: Keyring = keyringFromEnv()): string | null {
  if (isSealedWithCurrentKey(sealed, keyring)) return null;
  return encryptSecret(decryptSecret(sealed, context, keyring), context, keyring);
}

/** A new random secret for a connector: 32 random bytes, base64url, with a readable prefix. */
export function generateSecret(prefix = 'vdwh_'): string {
  return prefix + randomBytes(32).toString('base64url');
}
