import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUsageSummary, NotFoundError } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createBillingPeriod, createUsage, createWorkspace, utcRange } from './fixtures';

describe('getUsageSummary', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let other: string;
  let period: string;
  let otherPeriod: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    workspaceId = await createWorkspace(db);
    other = await createWorkspace(db);
    period = await createBillingPeriod(db, workspaceId, {
      periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', status: 'finalized',
      subscriptionAmount: '49', usageAmount: '1.3', totalAmount: '50.3',
    });
    otherPeriod = await createBillingPeriod(db, other, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '1' });
    const at = '2026-03-10T00:00:00Z';
    await createUsage(db, workspaceId, { createdAt: at, provider: 'vapi', usageType: 'stt_seconds', quantity: '1.5', totalCost: '0.1', finalCost: '0.13' });
    await createUsage(db, workspaceId, { createdAt: '2026-03-01T00:00:00Z', provider: 'vapi', usageType: 'stt_seconds', quantity: '2.25', totalCost: '0.2', finalCost: '0.26' });
    await createUsage(db, workspaceId, { createdAt: at, provider: 'vapi', usageType: 'tts_characters', quantity: '300', totalCost: '0.3', finalCost: '0.39' });
    await createUsage(db, workspaceId, { createdAt: at, provider: 'twilio', usageType: 'telephony_minutes', quantity: '2', totalCost: '0.4', finalCost: '0.52' });
    await createUsage(db, workspaceId, { createdAt: '2026-04-01T00:00:00Z', provider: 'vapi', usageType: 'stt_seconds', quantity: '99', totalCost: '9', finalCost: '9' });
    await createUsage(db, other, { createdAt: at, provider: 'vapi', usageType: 'stt_seconds', quantity: '99', totalCost: '9', finalCost: '9' });
  });
  afterAll(() => t?.dispose());

  const expected = {
    lines: [
      { provider: 'twilio', usageType: 'telephony_minutes', quantity: '2.000000', billedAmount: '0.520000' },
      { provider: 'vapi', usageType: 'stt_seconds', quantity: '3.750000', billedAmount: '0.390000' },
      { provider: 'vapi', usageType: 'tts_characters', quantity: '300.000000', billedAmount: '0.390000' },
    ],
    byProvider: [
      { provider: 'twilio', billedAmount: '0.520000' },
      { provider: 'vapi', billedAmount: '0.780000' },
    ],
    totals: { billedAmount: '1.300000' },
  };

  it('carries no provider cost: the summary feeds workspace pages and reports', async () => {
    const summary = await getUsageSummary(t.db, { workspaceId }, { billingPeriodId: period });
    expect(JSON.stringify(summary)).not.toMatch(/providerCost|total_cost|margin/i);
  });

  it('groups a billing period’s usage by provider and usage type', async () => {
    const summary = await getUsageSummary(t.db, { workspaceId }, { billingPeriodId: period });
    expect(summary).toMatchObject(expected);
    expect(summary.billingPeriod).toMatchObject({ id: period, workspaceId, status: 'finalized', subscriptionAmount: '49.000000', totalAmount: '50.300000' });
    expect([summary.from, summary.to]).toEqual([new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z')]);
  });

  it('the same for a time range', async () => {
    const summary = await getUsageSummary(t.db, { workspaceId }, utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'));
    expect(summary).toMatchObject({ ...expected, billingPeriod: null });
  });

  it("another workspace's billing period is NotFoundError", async () => {
    await expect(getUsageSummary(t.db, { workspaceId }, { billingPeriodId: otherPeriod })).rejects.toBeInstanceOf(NotFoundError);
    const asAdmin = await getUsageSummary(t.db, { platform: true }, { billingPeriodId: otherPeriod });
    expect(asAdmin.totals.billedAmount).toBe('9.000000');
  });
});
