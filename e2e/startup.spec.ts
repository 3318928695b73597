import { execFileSync, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// The built server checks its environment when it starts (instrumentation.ts): a bad value
// stops it with one line and exit status 1, before it serves anything. Uses the build the
// e2e server made.

function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const port = execFileSync(process.execPath, ['e2e/free-port.mjs']).toString().trim();
  const started = Date.now();
  const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    }),
  );
}

test('a NEXTAUTH_SECRET shorter than 32 characters stops next start at once, naming the variable', async () => {
  const result = await startServer({ NEXTAUTH_SECRET: 'short' });
  expect(result.code).toBe(1);
  expect(result.output).toContain('error: NEXTAUTH_SECRET: must be at least 32 characters');
  expect(result.output).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.ms).toBeLessThan(30_000);
});

test('a malformed DATABASE_URL stops next start the same way', async () => {
  const result = await startServer({ NEXTAUTH_SECRET: 'a-good-secret-of-more-than-32-characters', DATABASE_URL: 'mysql://root@127.0.0.1/db' });
  expect(result.code).toBe(1);
  expect(result.output).toContain('error: DATABASE_URL: must be a postgres://user@host:port/database URL');
});
