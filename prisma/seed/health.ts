import type { SeedSession } from './bulk-load';
import { HEALTH_PROVIDERS, PROVIDER_BASE_LATENCY } from './catalog';

import { createRandom, makeId } from './random';

const FIVE_MINUTES = 5 * 60_000;

/** A health check per provider every 5 minutes over the last `days` days. */
export async function seedProviderHealth(session: SeedSession, options: { seed: number; nowMs: number; days: number }): Promise<number> {
  const rand = createRandom(options.seed * 31 + 7);
  const end = Math.floor(options.nowMs / FIVE_MINUTES) * FIVE_MINUTES;
  const start = end - options.days * 86_400_000;
  let counter = 0;
  let total = 0;
  for (const provider of HEALTH_PROVIDERS) {
    const base = PROVIDER_BASE_LATENCY[provider] ?? 200;
    const lines: string[] = [];
    for (let t = start; t <= end; t += FIVE_MINUTES) {
      const daily = 1 + 0.25 * Math.sin(((t % 86_400_000) / 86_400_000) * 2 * Math.PI);
      const incident = rand.chance(0.004);
      const latency = Math.max(20, base * daily * (incident ? 3 + rand.next() * 4 : 1) + rand.normal(0, base * 0.08));
      const successRate = incident ? 0.7 + rand.next() * 0.2 : 0.985 + rand.next() * 0.015;
      const status = successRate < 0.8 ? 'down' : incident ? 'degraded' : 'healthy';
      lines.push([makeId(0xa006, ++counter), provider, new Date(t).toISOString(), latency.toFixed(1), successRate.toFixed(4), status].join(','));
    }
    await session.copy('provider_health_status', ['id', 'provider', 'last_check', 'avg_latency', 'success_rate', 'status'], lines);
    total += lines.length;
  }
  return total;
}
