import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgentPerformance, getUsageSummary, NotFoundError } from '@/lib/analytics';
import { isValidTimeZone, localDateOf, resolveRange } from '@/lib/analytics/range';
import { withoutRollups } from '@/lib/analytics/rollup-mode';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createAgent, createBillingPeriod, createCalls, createUsage, createWorkspace, utcRange } from './fixtures';

// Edges of the workspace figures the analytics mutation run found unpinned: the order of
// tied intents, what a refused lookup names, the order of usage lines, and range parsing.
const NOW = new Date('2026-06-15T12:00:00Z');
const march = utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');

describe('getAgentPerformance: top intents and refusals', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let agent: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'UTC' });
    agent = await createAgent(t.db, workspaceId, { name: 'Ada' });
    // Seven intents of one call each, written in reverse order, and "zz" twice.
    const intents = ['g', 'f', 'e', 'd', 'c', 'b', 'a', 'zz', 'zz'];
    await createCalls(t.db, workspaceId, intents.map((intent, i) => ({ startedAt: `2026-03-1${i}T09:00:00Z`, agentId: agent, intent })));
  });
  afterAll(() => t?.dispose());

  it('puts the most frequent intent first and breaks ties by intent, on both paths', async () => {
    for (const path of [(work: () => Promise<string[]>) => work(), withoutRollups]) {
      const top = await path(async () => (await getAgentPerformance(t.db, { workspaceId }, agent, march)).topIntents.map((i) => `${i.intent}:${i.count}`));
      expect(top).toEqual(['zz:2', 'a:1', 'b:1', 'c:1', 'd:1']);
    }
  });

  it('names the agent when it refuses a malformed or unknown id', async () => {
    await expect(getAgentPerformance(t.db, { workspaceId }, 'not-a-uuid', march)).rejects.toMatchObject({ name: 'NotFoundError', resource: 'agent', message: 'agent not found' });
    await expect(getAgentPerformance(t.db, { workspaceId }, '00000000-0000-4000-8000-000000000000', march)).rejects.toMatchObject({ resource: 'agent', message: 'agent not found' });
  });
});

describe('getUsageSummary: line order and refusals', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let otherPeriod: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = await createWorkspace(t.db, { timezone: 'UTC' });
    const other = await createWorkspace(t.db, { timezone: 'UTC' });
    otherPeriod = await createBillingPeriod(t.db, other, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', status: 'draft', totalAmount: '0' });
    // Written out of order; "Zeta" sorts before "alpha" by code unit (as JavaScript compares).
    const lines: [string, string, string][] = [
      ['vapi', 'tts_characters', '1'],
      ['alpha', 'telephony_minutes', '2'],
      ['vapi', 'llm_tokens', '4'],
      ['Zeta', 'telephony_minutes', '8'],
      ['vapi', 'telephony_minutes', '16'],
      ['alpha', 'llm_tokens', '32'],
    ];
    for (const [provider, usageType, finalCost] of lines) await createUsage(t.db, workspaceId, { createdAt: '2026-03-10T09:10:00Z', provider, usageType, finalCost });
  });
  afterAll(() => t?.dispose());

  it('orders lines by provider then usage type, and providers, by code unit', async () => {
    const summary = await getUsageSummary(t.db, { workspaceId }, march);
    expect(summary.lines.map((l) => `${l.provider}/${l.usageType}:${l.billedAmount}`)).toEqual([
      'Zeta/telephony_minutes:8.000000',
      'alpha/llm_tokens:32.000000',
      'alpha/telephony_minutes:2.000000',
      'vapi/llm_tokens:4.000000',
      'vapi/telephony_minutes:16.000000',
      'vapi/tts_characters:1.000000',
    ]);
    expect(summary.byProvider).toEqual([
      { provider: 'Zeta', billedAmount: '8.000000' },
      { provider: 'alpha', billedAmount: '34.000000' },
      { provider: 'vapi', billedAmount: '21.000000' },
    ]);
    expect(summary.totals.billedAmount).toBe('63.000000');
  });

  it('totals 0 over a range without usage', async () => {
    const summary = await getUsageSummary(t.db, { workspaceId }, utcRange('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'));
    expect(summary).toMatchObject({ lines: [], byProvider: [], totals: { billedAmount: '0.000000' } });
  });

  it("names the billing period when it refuses a malformed id or another workspace's", async () => {
    await expect(getUsageSummary(t.db, { workspaceId }, { billingPeriodId: 'nope' })).rejects.toMatchObject({ resource: 'billing period', message: 'billing period not found' });
    await expect(getUsageSummary(t.db, { workspaceId }, { billingPeriodId: otherPeriod })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUsageSummary(t.db, { workspaceId }, { billingPeriodId: otherPeriod })).rejects.toMatchObject({ resource: 'billing period', message: 'billing period not found' });
  });
});

describe('range parsing edges', () => {
  it('accepts zone names of three parts', () => {
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('America/Indiana/Indianapolis')).toBe(true);
  });

  it('takes a month only as a whole YYYY-MM string from 1900 on', () => {
    expect(resolveRange({ month: '1900-01' }, 'UTC', NOW).from.toISOString()).toBe('1900-01-01T00:00:00.000Z');
    for (const month of ['2026-03x', 'x2026-03', '1899-12', ['2026-03']]) {
      expect(() => resolveRange({ month } as never, 'UTC', NOW), JSON.stringify(month)).toThrow(expect.objectContaining({ param: 'month' }));
    }
  });

  it('takes a date only as a whole YYYY-MM-DD string', () => {
    expect(() => resolveRange({ fromDate: 'x2026-03-01', toDate: '2026-03-02' }, 'UTC', NOW)).toThrow(expect.objectContaining({ param: 'from' }));
    expect(() => resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-02x' }, 'UTC', NOW)).toThrow(expect.objectContaining({ param: 'to' }));
  });

  it('writes local dates of years before 1000 with four digits', () => {
    expect(localDateOf(new Date('0999-06-01T12:00:00Z'), 'UTC')).toBe('0999-06-01');
  });
});
