import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@/lib/api/schemas';
import { ENDPOINTS } from './endpoints';
import { withSeededWorld, type World } from './fixtures';
import { call, type TestUser } from './session';
import { createRandom } from '@/prisma/seed/random';

/**
 * Thousands of random and hostile requests across every endpoint: never a 5xx, every body
 * in its declared shape, and never another workspace's data. Deterministic: a failure
 * prints its seed and case number; rerun with FUZZ_SEED=<seed> to reproduce.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260301);
const CASES = Number(process.env.FUZZ_CASES ?? 2500);
// Thousands of requests per user in a minute: the per-user API budget (tested in
// tests/limits) would turn most of them into 429s and hide the handlers from the fuzzer.
process.env.API_RATE_LIMIT_PER_MINUTE = '100000000';

/** mulberry32, the seed's own generator: the same seed gives the same sequence. */
const mulberry32 = (seed: number): (() => number) => createRandom(seed).next;

const HOSTILE = [
  "' OR 1=1 --",
  "1'; DROP TABLE calls; --",
  '") UNION SELECT * FROM users --',
  '$1',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u202e\u0007',
  'ﬀ☃💥',
  'ẞ'.repeat(70),
  '9'.repeat(400),
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '2026-02-29',
  '2024-02-29',
  '0000-00-00',
  '9999-12-31',
  '1899-12-31',
  '2026-3-1',
  '2026-03-01T00:00:00Z',
  'Europe/Nowhere',
  'America/New_York',
  'UTC',
  '+05:30',
  'Etc/GMT+5',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  '[]',
  '{}',
  'true',
  ' ',
  '',
  'eyJzb3J0Ijoic3RhcnRlZF9hdCIsIm9yZGVyIjoiZGVzYyIsImlkIjoieCIsInZhbHVlIjoiMjAyNiJ9',
];

const KEYS = ['period', 'from', 'to', 'agentId', 'status', 'direction', 'provider', 'sentiment', 'hour', 'cursor', 'limit', 'sort', 'order', 'billingPeriodId', 'timeZone', 'unknown', 'PERIOD', '__proto__', 'constructor'];

describe('fuzzing every endpoint', () => {
  let w: World;

  withSeededWorld((_, world) => {
    w = world;
  });

  it(`survives ${CASES} random and hostile requests (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const uuid = () => '00000000-0000-4000-8000-000000000000'.replace(/0/g, () => pick('0123456789abcdef'.split('')));
    const validValue = (key: string): string =>
      ({
        period: pick(['day', 'week', 'month', 'year']),
        from: pick(['2026-03-01', '2026-03-05', '2025-12-31']),
        to: pick(['2026-03-31', '2026-03-04', '2026-03-05']),
        agentId: pick([w.agentA, w.agentB, w.deletedAgentA, uuid()]),
        status: pick(['completed', 'failed', 'ringing']),
        direction: pick(['inbound', 'outbound']),
        provider: pick(['twilio', 'vapi', 'secret-provider-b']),
        sentiment: pick(['positive', 'neutral', 'negative']),
        limit: pick(['1', '2', '50', '200']),
        sort: pick(['started_at', 'duration', 'cost']),
        order: pick(['asc', 'desc']),
        billingPeriodId: pick([w.periodA, w.periodB, uuid()]),
        timeZone: pick(['UTC', 'Asia/Kathmandu', 'America/New_York']),
      })[key] ?? pick(HOSTILE);
    const users: (TestUser | null)[] = [w.ownerA, w.viewerA, w.memberB, w.admin, null];
    const foreignOf = (user: TestUser | null) =>
      user === w.memberB
        ? [w.a, w.agentA, w.deletedAgentA, w.periodA, ...w.callIdsA, 'Alpha', 'twilio']
        : user === w.admin || user === null
          ? []
          : [w.b, w.agentB, w.periodB, ...w.callIdsB, 'Beta', 'secret-provider-b', 'beta-only'];

    const statuses = new Map<number, number>();
    for (let n = 0; n < CASES; n++) {
      const endpoint = pick(ENDPOINTS);
      const user = pick(users);
      const target = pick([w.a, w.a, w.b, uuid(), pick(HOSTILE)]);
      const params = endpoint.params(w, target);
      if ('agentId' in params && random() < 0.3) params.agentId = pick([w.agentA, w.agentB, uuid(), pick(HOSTILE)]);

      const query = new URLSearchParams();
      const count = Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        const key = pick(KEYS);
        query.append(key, random() < 0.6 ? validValue(key) : pick(HOSTILE));
        if (random() < 0.1) query.append(key, validValue(key)); // duplicated parameter
      }
      const url = `${endpoint.path({ ...params, id: encodeURIComponent(params.id ?? ''), agentId: encodeURIComponent(params.agentId ?? '') })}?${query}`;
      const label = `seed ${SEED} case ${n}: ${endpoint.name} as ${user?.email ?? 'nobody'} ${JSON.stringify(params)} ?${query}`;

      const result = await call(endpoint.handler, url, params, user);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      expect([200, 400, 401, 403, 404], label).toContain(result.status);
      if (result.status === 200) {
        expect(endpoint.response.safeParse(result.body).success, label).toBe(true);
        // `filters` echoes the caller's own query (e.g. a foreign agentId), which is not a leak.
        const data: Record<string, unknown> = { ...(result.body as Record<string, unknown>) };
        delete data.filters;
        const text = JSON.stringify(data);
        for (const foreign of foreignOf(user)) expect(text.includes(foreign), `${label} leaked ${foreign}`).toBe(false);
      } else {
        expect(errorResponseSchema.safeParse(result.body).success, label).toBe(true);
      }
      if (endpoint.kind === 'workspace' && result.status === 200 && user !== w.admin) {
        expect(target, label).toBe(user === w.memberB ? w.b : w.a);
      }
    }
    // The generator must reach the handlers, not only the guards.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(CASES / 20);
  });
});
