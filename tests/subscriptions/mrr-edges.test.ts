import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMonths,
  calendarMonths,
  churnByMonth,
  classifyMovements,
  cohortRetention,
  getMrrReport,
  isCalendarMonth,
  monthOf,
  mrrByWorkspaceAt,
  mrrMovements,
  unitEconomics,
  type SubscriptionEvent,
} from '@/lib/analytics/subscriptions';
import type { ChurnMonth } from '@/lib/analytics/subscriptions/churn';
import type { MrrMonth } from '@/lib/analytics/subscriptions/movements';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { seedHandBuiltHistory, W } from './fixtures';

// Edges of the subscription figures the analytics mutation run found unpinned: month
// parsing and its refusals, the order events take effect in, cohorts, and ARPA/LTV
// where a month has nobody paying or nobody churning. Every answer is worked by hand.
const event = (workspaceId: string, occurredAt: string, mrrAfter: string): SubscriptionEvent => ({
  workspaceId,
  occurredAt: new Date(occurredAt),
  kind: 'change',
  toStatus: Number(mrrAfter) > 0 ? 'active' : 'cancelled',
  toTier: null,
  mrrAfter,
});

describe('calendar months', () => {
  it('accepts YYYY-MM from 1900-01 with a month 01–12 only', () => {
    expect(['1900-01', '2026-12', '2026-01'].map(isCalendarMonth)).toEqual([true, true, true]);
    expect(['1899-12', '2026-00', '2026-13', '2026-03x', 'x2026-03', '2026-3'].map(isCalendarMonth)).toEqual([false, false, false, false, false, false]);
  });

  it('writes years before 1000 with four digits', () => {
    expect(addMonths('1000-01', -1)).toBe('0999-12');
    expect(monthOf(new Date('0999-06-15T00:00:00Z'), 'UTC')).toBe('0999-06');
  });

  it('refuses a malformed from or to, to before from, and more than 120 months, naming the parameter', () => {
    expect(() => calendarMonths('2026-13', '2026-12', 'UTC')).toThrow(expect.objectContaining({ param: 'from', message: 'from: expected a month YYYY-MM, got "2026-13"' }));
    expect(() => calendarMonths('2026-01', '2026-1', 'UTC')).toThrow(expect.objectContaining({ param: 'to', message: 'to: expected a month YYYY-MM, got "2026-1"' }));
    expect(() => calendarMonths('2026-02', '2026-01', 'UTC')).toThrow(expect.objectContaining({ param: 'to', message: 'to: must not be before from' }));
    expect(calendarMonths('2017-01', '2026-12', 'UTC')).toHaveLength(120);
    expect(() => calendarMonths('2016-12', '2026-12', 'UTC')).toThrow(expect.objectContaining({ param: 'to', message: 'to: at most 120 months' }));
  });
});

describe('the order events take effect in', () => {
  it('sorts events by instant whatever order they come in, and keeps the given order at one instant', () => {
    const events = [
      event('w1', '2026-03-10T00:00:00Z', '80'),
      event('w1', '2026-01-10T00:00:00Z', '50'),
      event('w1', '2026-02-10T00:00:00Z', '0'),
      event('w2', '2026-01-05T00:00:00Z', '10'),
      event('w2', '2026-01-05T00:00:00Z', '30'),
    ];
    const at = mrrByWorkspaceAt(events, new Date('2026-04-01T00:00:00Z'));
    expect([at.get('w1')!.toFixed(6), at.get('w2')!.toFixed(6)]).toEqual(['80.000000', '30.000000']);
    expect(classifyMovements(events).map((m) => `${m.workspaceId}:${m.type}:${m.amount}`)).toEqual([
      'w2:new:10.000000',
      'w2:expansion:20.000000',
      'w1:new:50.000000',
      'w1:churn:50.000000',
      'w1:reactivation:80.000000',
    ]);
  });

  it('churnByMonth refuses MRR rows of other months', () => {
    const months = calendarMonths('2026-01', '2026-02', 'UTC');
    const mrr = mrrMovements([], calendarMonths('2026-02', '2026-03', 'UTC'));
    expect(() => churnByMonth([], months, mrr)).toThrow('churnByMonth: months and MRR rows differ');
  });
});

describe('cohorts', () => {
  it('keeps a workspace in the month it first paid, whatever it does later', () => {
    const events = [event('w1', '2026-01-10T00:00:00Z', '50'), event('w1', '2026-03-10T00:00:00Z', '80'), event('w2', '2026-03-02T00:00:00Z', '20')];
    const rows = cohortRetention(events, calendarMonths('2026-01', '2026-03', 'UTC'), 'UTC');
    expect(rows.map((r) => [r.cohort, r.workspaces, r.startingMrr, r.cells.map((c) => c.nrr)])).toEqual([
      ['2026-01', 1, '50.000000', [100, 100, 160]],
      ['2026-03', 1, '20.000000', [100]],
    ]);
  });
});

describe('unit economics', () => {
  const mrrRow = (month: string, ending: string, customersAtEnd: number) => ({ month, ending, customersAtEnd }) as MrrMonth;
  const churnRow = (month: string, churnedCustomers: number, customersAtStart: number) => ({ month, churnedCustomers, customersAtStart }) as ChurnMonth;
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

  it('has no ARPA and no LTV in a month nobody pays at its end, and no churn rate before anybody paid', () => {
    const rows = unitEconomics([mrrRow('2026-01', '0', 0), mrrRow('2026-02', '100', 2), mrrRow('2026-03', '0', 0)], [churnRow('2026-01', 0, 0), churnRow('2026-02', 0, 0), churnRow('2026-03', 2, 2)]);
    expect(rows).toEqual([
      { month: '2026-01', arpa: null, trailingLogoChurnRate: null, ltv: null },
      { month: '2026-02', arpa: '50.000000', trailingLogoChurnRate: null, ltv: null },
      { month: '2026-03', arpa: null, trailingLogoChurnRate: 100, ltv: null },
    ]);
  });

  it('has no LTV while nobody churned in the window, and counts churn over the 6 months ending with the month', () => {
    // Four paying all along; one churns in January (and is replaced), nobody after.
    const mrr = months.map((m) => mrrRow(m, '400', 4));
    const churn = months.map((m, i) => churnRow(m, i === 0 ? 1 : 0, 4));
    const rows = unitEconomics(mrr, churn);
    // January–June hold January's churn: 1 / 24 logos → 4.1666… %; ARPA 100 → LTV 2,400.
    expect(rows[0]).toEqual({ month: '2026-01', arpa: '100.000000', trailingLogoChurnRate: 25, ltv: '400.000000' });
    expect(rows[1]!.trailingLogoChurnRate).toBe(12.5);
    expect(rows[5]).toMatchObject({ month: '2026-06', arpa: '100.000000', ltv: '2400.000000' });
    expect(rows[5]!.trailingLogoChurnRate).toBeCloseTo(4.16667, 5);
    // July's window is February–July: nobody churned, so a rate of 0 and no LTV.
    expect(rows[6]).toEqual({ month: '2026-07', arpa: '100.000000', trailingLogoChurnRate: 0, ltv: null });
  });
});

describe('getMrrReport: workspace names', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedHandBuiltHistory(t.db);
  });
  afterAll(() => t?.dispose());

  it('names only the workspaces behind the movements of the months shown', async () => {
    const report = await getMrrReport(t.db, { from: '2026-03', to: '2026-03', timeZone: 'UTC' });
    const behind = [...new Set(report.months.flatMap((m) => m.movements.map((x) => x.workspaceId)))].sort();
    expect(Object.keys(report.workspaceNames).sort()).toEqual(behind);
    expect(behind).toEqual([W.w1]);
  });
});
