// Serves the built app with `next start` on a free loopback port for a bench section, in
// its own process group so that the whole group (npx and next-server) ends with it.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { buildIfNeeded } from '../build-if-needed';

export type BenchServer = { base: string; log: string[]; stop(): Promise<void> };

export async function serveApp(databaseUrl: string, env: Record<string, string>, log: (message: string) => void): Promise<BenchServer> {
  log('building the app if needed…');
  buildIfNeeded();
  const port = execFileSync(process.execPath, ['e2e/free-port.mjs']).toString().trim();
  const base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const server: ChildProcess = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: BENCH_AUTH_SECRET,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: '1',
      JOBS_IN_PROCESS: 'false',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => output.push(String(d)));
  server.stderr!.on('data', (d) => output.push(String(d)));
  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  try {
    await waitFor(`${base}/api/health`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('').slice(-2000)}`);
  }
  return { base, log: output, stop };
}

/** The bench servers' session secret: the HTTP section signs its session cookie with it. */
export const BENCH_AUTH_SECRET = 'bench-secret-0123456789abcdef0123456789';

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app did not come up at ${url}`);
}

/** Runs a load generator script (`node <script> '<json>'`) in its own process; its last stdout line is JSON. */
export function runLoadScript<T>(script: string, options: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator failed (${code}): ${err.slice(-500)}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T);
    });
  });
}
