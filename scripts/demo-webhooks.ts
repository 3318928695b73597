// npm run demo:webhooks -- --connector ID [--connector ID2 …] [--calls 25] [--interval 300]
//                          [--concurrency 1] [--base-url http://localhost:3000]
// Sends a realistic stream of signed deliveries (every event kind of the connector's
// platform) to a running app, so you can watch calls arrive on the dashboard. The signing
// secret is read from the database (DATABASE_URL, or a snapshot of the PGlite folder, which
// the running app keeps open). Base URL: --base-url, else DEMO_BASE_URL, else localhost:3000.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoDeliveries } from '@/lib/connectors/demo';
import { connectorSecretForSigning, webhookPath } from '@/lib/connectors/store';
import { signDelivery, type Platform, type VapiAuth } from '@/lib/connectors/verify';
import { createPrismaClient, openConnection } from '@/lib/db';
import { ConfigError, databaseConfig } from '@/lib/env';
import { keyringFromEnv } from '@/lib/secrets';
import { runCli } from './cli';
import { ensureSecretsKey } from './secrets-key';

const USAGE = 'usage: npm run demo:webhooks -- --connector <id> [--connector <id> …] [--calls N] [--interval ms] [--concurrency N] [--base-url URL]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Target = { id: string; platform: Platform; secret: string; vapiAuth?: VapiAuth };

/** The connectors' secrets, from PostgreSQL, or from a copy of the PGlite folder (never the live one). */
async function loadTargets(ids: string[]): Promise<Target[]> {
  ensureSecretsKey();
  const keyring = keyringFromEnv();
  const config = databaseConfig();
  let snapshot: string | null = null;
  if (config.kind === 'pglite') {
    if (!fs.existsSync(config.dir)) throw new ConfigError(`PGLITE_DIR: no database in ${config.dir}`);
    snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-demo-'));
    fs.cpSync(config.dir, snapshot, { recursive: true });
  }
  const connection = await openConnection(snapshot ? { kind: 'pglite', dir: snapshot } : config);
  const db = createPrismaClient(connection);
  try {
    const targets: Target[] = [];
    for (const id of ids) {
      const found = await connectorSecretForSigning(db, id, keyring);
      if (!found) throw new ConfigError(`--connector: no connector ${id}`);
      targets.push({ id, platform: found.platform, secret: found.secret, vapiAuth: found.settings.vapiAuth });
    }
    return targets;
  } finally {
    await db.$disconnect();
    await connection.close();
    if (snapshot) fs.rmSync(snapshot, { recursive: true, force: true });
  }
}

const count = (value: string | undefined, fallback: number, name: string, max: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new ConfigError(`--${name}: a whole number from 0 to ${max}`);
  return n;
};

runCli(async () => {
  const { values } = parseArgs({
    options: { connector: { type: 'string', multiple: true }, calls: { type: 'string' }, interval: { type: 'string' }, concurrency: { type: 'string' }, 'base-url': { type: 'string' }, quiet: { type: 'boolean' } },
  });
  const ids = values.connector ?? [];
  if (ids.length === 0 || ids.some((id) => !UUID.test(id))) throw new ConfigError(`--connector: a connector id (${USAGE})`);
  const calls = count(values.calls, 25, 'calls', 1_000_000);
  const interval = count(values.interval, 300, 'interval', 60_000);
  const concurrency = Math.max(1, count(values.concurrency, 1, 'concurrency', 256));
  const baseUrl = (values['base-url'] ?? process.env.DEMO_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  try {
    new URL(baseUrl);
  } catch {
    throw new ConfigError(`--base-url: not a URL (${baseUrl})`);
  }

  const targets = await loadTargets(ids);
  // Interleave the platforms' streams; each call's events stay in order within its stream.
  const streams = targets.map((t) => ({ target: t, bodies: demoDeliveries(t.platform, { calls }) }));
  const queue: { target: Target; body: unknown }[] = [];
  for (let i = 0; streams.some((s) => i < s.bodies.length); i++) for (const s of streams) if (i < s.bodies.length) queue.push({ target: s.target, body: s.bodies[i] });

  const tally = new Map<string, number>();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    for (;;) {
      const item = queue[next++];
      if (!item) return;
      const text = JSON.stringify(item.body);
      const headers = { 'content-type': 'application/json', ...signDelivery(item.target.platform, text, item.target.secret, { vapiAuth: item.target.vapiAuth }) };
      const t0 = performance.now();
      let label: string;
      try {
        const response = await fetch(`${baseUrl}${webhookPath(item.target.platform, item.target.id)}`, { method: 'POST', headers, body: text });
        const json = (await response.json().catch(() => null)) as { status?: string; reason?: string; error?: { message?: string } } | null;
        label = response.ok ? (json?.status ?? String(response.status)) : `HTTP ${response.status}`;
        if (!values.quiet) console.log(`${item.target.platform.padEnd(6)} ${eventName(item.body).padEnd(20)} → ${label}${json?.reason ? ` (${json.reason})` : json?.error?.message ? ` (${json.error.message})` : ''}`);
      } catch (error) {
        label = 'network error';
        if (!values.quiet) console.log(`${item.target.platform.padEnd(6)} ${eventName(item.body).padEnd(20)} → ${label}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t0);
      tally.set(label, (tally.get(label) ?? 0) + 1);
      if (interval) await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  console.log(`\nsent ${queue.length} deliveries (${calls} calls per connector) in ${seconds.toFixed(1)} s: ${(queue.length / seconds).toFixed(1)} deliveries/s, p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`);
  console.log([...tally].map(([k, v]) => `${v} ${k}`).join(', '));
  if ([...tally.keys()].some((k) => k.startsWith('HTTP') || k === 'network error')) throw new Error('some deliveries were refused (see above)');
});

function eventName(body: unknown): string {
  const b = body as { message?: { type?: string }; event?: string; call_id?: string };
  return b.message?.type ?? b.event ?? 'call';
}
