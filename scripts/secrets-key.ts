import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** SECRETS_KEY from the environment, else one generated once and kept in .data/ (as authSecret does for NEXTAUTH_SECRET). */
export function secretsKey(dataDir = '.data'): string {
  if (process.env.SECRETS_KEY) return process.env.SECRETS_KEY;
  const file = path.join(dataDir, 'secrets-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** For CLI scripts: makes lib/secrets find the same key the app uses. */
export function ensureSecretsKey(): void {
  process.env.SECRETS_KEY = secretsKey();
}
