import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** NEXTAUTH_SECRET from the environment, else one generated once and kept in .data/. */
export function authSecret(dataDir = '.data'): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
