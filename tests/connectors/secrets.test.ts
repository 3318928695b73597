import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/env';
import { decryptSecret, encryptSecret, generateSecret, keyringFromEnv, reencryptSecret, SecretDecryptionError } from '@/lib/secrets';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('secrets at rest', () => {
  it('seals with AES-256-GCM and opens again, never containing the plaintext', () => {
    const ring = keyringFromEnv({ SECRETS_KEY: k1 });
    const sealed = encryptSecret('key_retell_123', 'ws-1', ring);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('key_retell_123');
    expect(encryptSecret('key_retell_123', 'ws-1', ring)).not.toBe(sealed); // fresh IV each time
    expect(decryptSecret(sealed, 'ws-1', ring)).toBe('key_retell_123');
  });

  it('refuses a tampered value, another context, an unknown key', () => {
    const ring = keyringFromEnv({ SECRETS_KEY: k1 });
    const sealed = encryptSecret('s', 'ws-1', ring);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), 'ws-1', ring)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed, 'ws-2', ring)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed, 'ws-1', keyringFromEnv({ SECRETS_KEY: k2 }))).toThrow(/unknown key/);
    expect(() => decryptSecret('plain', 'ws-1', ring)).toThrow(SecretDecryptionError);
  });

  it('rotates the key without downtime: the previous key still opens, re-encryption moves values to the new one', () => {
    const old = encryptSecret('s', 'ws-1', keyringFromEnv({ SECRETS_KEY: k1 }));
    const rotated = keyringFromEnv({ SECRETS_KEY: k2, SECRETS_KEY_PREVIOUS: k1 });
    expect(decryptSecret(old, 'ws-1', rotated)).toBe('s');
    const moved = reencryptSecret(old, 'ws-1', rotated)!;
    expect(decryptSecret(moved, 'ws-1', keyringFromEnv({ SECRETS_KEY: k2 }))).toBe('s');
    expect(reencryptSecret(moved, 'ws-1', rotated)).toBeNull();
  });

  it('a missing or short key is a configuration error', () => {
    expect(() => keyringFromEnv({})).toThrow(ConfigError);
    expect(() => keyringFromEnv({ SECRETS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes/);
  });

  it('generates secrets of 32 random bytes', () => {
    expect(generateSecret()).toMatch(/^vdwh_[\w-]{43}$/);
    expect(generateSecret()).not.toBe(generateSecret());
  });
});
