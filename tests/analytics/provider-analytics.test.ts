import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProviderAnalytics } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createCall, createHealthCheck, createUsage, createWorkspace, utcRange } from './fixtures';

describe('getProviderAnalytics', () => {
  let t: TestDatabase;
  const range = utcRange('2026-03-01T00:00:00Z', '2026-03-04T00:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    // One completed vapi call with three usage lines: the seed's LEFT JOIN counts it 3 times.
    const call = await createCall(db, a, { startedAt: '2026-03-01T10:00:00Z', provider: 'vapi', status: 'completed' });
    const at = '2026-03-01T10:05:00Z';
    await createUsage(db, a, { callId: call, createdAt: at, provider: 'vapi', usageType: 'stt_seconds', totalCost: '0.10', finalCost: '0.13' });
    await createUsage(db, a, { callId: call, createdAt: at, provider: 'vapi', usageType: 'tts_characters', totalCost: '0.20', finalCost: '0.26' });
    await createUsage(db, a, { callId: call, createdAt: at, provider: 'twilio', usageType: 'telephony_minutes', totalCost: '0.30', finalCost: '0.39' });
    await createCall(db, b, { startedAt: '2026-03-02T10:00:00Z', provider: 'vapi', status: 'in_progress' });
    await createCall(db, b, { startedAt: '2026-03-02T11:00:00Z', provider: 'twilio', status: 'failed' });
    await createCall(db, b, { startedAt: '2026-03-02T12:00:00Z', provider: null, status: 'completed' });
    await createCall(db, b, { startedAt: '2026-03-04T00:00:00Z', provider: 'vapi', status: 'completed' }); // `to`: excluded
    // Usage without calls, billed nothing: margin is undefined.
    await createUsage(db, b, { createdAt: '2026-03-03T00:00:00Z', provider: 'openai', usageType: 'llm_tokens', totalCost: '1', finalCost: '0' });
    for (const [day, latency] of [['2026-03-01', 100], ['2026-03-01', 200], ['2026-03-03', 300], ['2026-03-03', 400]] as const) {
      await createHealthCheck(db, { provider: 'vapi', lastCheck: `${day}T12:00:00Z`, avgLatency: latency });
    }
    await createHealthCheck(db, { provider: 'vapi', lastCheck: '2026-03-05T12:00:00Z', avgLatency: 10_000 }); // outside
    await createHealthCheck(db, { provider: 'elevenlabs', lastCheck: '2026-03-02T12:00:00Z', avgLatency: 50 }); // no calls, no usage
  });
  afterAll(() => t?.dispose());

  it('one row per provider seen in calls or usage, each call counted once (seed defect 7)', async () => {
    const rows = await getProviderAnalytics(t.db, range);
    expect(rows.map((row) => row.provider)).toEqual(['openai', 'twilio', 'vapi']);
    const [openai, twilio, vapi] = rows;
    expect(vapi).toMatchObject({
      provider: 'vapi',
      totalCalls: 2,
      completed: 1,
      successRate: 100, // the in-progress call is not terminal
      avgLatency: 250,
      p95Latency: 385, // percentile_cont: 300 + 0.85 × (400 − 300)
      totalCost: '0.300000',
      totalRevenue: '0.390000',
    });
    expect(vapi!.profitMargin).toBeCloseTo((100 * 0.09) / 0.39, 10);
    expect(twilio).toMatchObject({ totalCalls: 1, completed: 0, successRate: 0, avgLatency: null, p95Latency: null, totalCost: '0.300000', totalRevenue: '0.390000' });
    expect(openai).toMatchObject({ totalCalls: 0, successRate: 0, totalCost: '1.000000', totalRevenue: '0.000000', profitMargin: null });
  });

  it('latency trend is a complete daily series per provider', async () => {
    const vapi = (await getProviderAnalytics(t.db, range)).find((row) => row.provider === 'vapi')!;
    expect(vapi.latencyTrend).toEqual([
      { date: '2026-03-01', avgLatency: 150 },
      { date: '2026-03-02', avgLatency: null },
      { date: '2026-03-03', avgLatency: 350 },
    ]);
  });
});
