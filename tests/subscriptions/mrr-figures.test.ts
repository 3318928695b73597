import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMrrReport, loadSubscriptionEvents, mrrAt } from '@/lib/analytics/subscriptions';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { seedHandBuiltHistory, W } from './fixtures';

const figures = (m: { month: string; starting: string; new: string; expansion: string; contraction: string; churn: string; reactivation: string; ending: string }) =>
  [m.month, m.starting, m.new, m.expansion, m.contraction, m.churn, m.reactivation, m.ending];

/** Every figure below is computed by hand from tests/subscriptions/fixtures.ts. */
describe('MRR from the subscription history', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedHandBuiltHistory(t.db);
  });
  afterAll(() => t?.dispose());

  it('movements per UTC month: upgrade and downgrade in one month, churn then reactivation, an annual plan, a late trial conversion, a cancel at the boundary', async () => {
    const report = await getMrrReport(t.db, { from: '2026-01', to: '2026-04', timeZone: 'UTC' });
    expect(report.months.map(figures)).toEqual([
      // W1 50 + W2 200 + W5 50 new; W4's trial adds nothing.
      ['2026-01', '0.000000', '300.000000', '0.000000', '0.000000', '0.000000', '0.000000', '300.000000'],
      // W3 annual 1200/12 = 100 and W6 50 new; W2 churns 200.
      ['2026-02', '300.000000', '150.000000', '0.000000', '0.000000', '200.000000', '0.000000', '250.000000'],
      // W1 up 150 and down 150 in the same month: both show, net nothing.
      ['2026-03', '250.000000', '0.000000', '150.000000', '150.000000', '0.000000', '0.000000', '250.000000'],
      // W4 converts (new 200, not reactivation), W6 +150, W2 comes back on starter (50),
      // W5 cancelled at 2026-04-01T00:00Z exactly: April's churn, still in March's ending.
      ['2026-04', '250.000000', '200.000000', '150.000000', '0.000000', '50.000000', '50.000000', '600.000000'],
    ]);
    expect(report.months[3]!.movements.map((m) => [m.workspaceId, m.type, m.amount])).toEqual([
      [W.w5, 'churn', '50.000000'],
      [W.w2, 'reactivation', '50.000000'],
      [W.w6, 'expansion', '150.000000'],
      [W.w4, 'new', '200.000000'],
    ]);
    expect(report.workspaceNames[W.w4]).toBe('W4');
  });

  it('in a chosen zone the boundary events move month (New York: W3 is January’s, W5’s cancel March’s)', async () => {
    const report = await getMrrReport(t.db, { from: '2026-01', to: '2026-04', timeZone: 'America/New_York' });
    expect(report.months.map(figures)).toEqual([
      ['2026-01', '0.000000', '400.000000', '0.000000', '0.000000', '0.000000', '0.000000', '400.000000'],
      ['2026-02', '400.000000', '50.000000', '0.000000', '0.000000', '200.000000', '0.000000', '250.000000'],
      ['2026-03', '250.000000', '0.000000', '150.000000', '150.000000', '50.000000', '0.000000', '200.000000'],
      ['2026-04', '200.000000', '200.000000', '150.000000', '0.000000', '0.000000', '50.000000', '600.000000'],
    ]);
  });

  it('movements add up: ending = starting + new + expansion + reactivation − contraction − churn, and each ending is the next starting', async () => {
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kathmandu']) {
      const { months } = await getMrrReport(t.db, { from: '2025-11', to: '2026-06', timeZone });
      months.forEach((m, i) => {
        const sum = Number(m.starting) + Number(m.new) + Number(m.expansion) + Number(m.reactivation) - Number(m.contraction) - Number(m.churn);
        expect(sum).toBeCloseTo(Number(m.ending), 9);
        for (const v of [m.new, m.expansion, m.contraction, m.churn, m.reactivation]) expect(Number(v)).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(m.starting).toBe(months[i - 1]!.ending);
      });
      expect(months.at(-1)!.ending).toBe('600.000000');
    }
  });

  it('MRR at an instant counts what was in effect strictly before it', async () => {
    const events = await loadSubscriptionEvents(t.db, new Date('2030-01-01T00:00:00Z'));
    expect(mrrAt(events, new Date('2026-04-01T00:00:00Z')).mrr.toFixed(6)).toBe('250.000000');
    expect(mrrAt(events, new Date('2026-04-01T00:00:00.001Z')).mrr.toFixed(6)).toBe('200.000000');
    expect(mrrAt(events, new Date('2026-02-01T00:00:00Z')).mrr.toFixed(6)).toBe('300.000000');
  });

  it('logo churn, gross and net revenue churn per month', async () => {
    const { churn } = await getMrrReport(t.db, { from: '2026-01', to: '2026-04', timeZone: 'UTC' });
    expect(churn.map((c) => [c.month, c.customersAtStart, c.churnedCustomers])).toEqual([
      ['2026-01', 0, 0],
      ['2026-02', 3, 1],
      ['2026-03', 4, 0],
      ['2026-04', 4, 1],
    ]);
    expect(churn[0]!.logoChurnRate).toBeNull();
    expect(churn[0]!.grossRevenueChurnRate).toBeNull();
    expect(churn[1]!.logoChurnRate).toBeCloseTo(100 / 3, 9);
    expect(churn[1]!.grossRevenueChurnRate).toBeCloseTo(200 / 3, 9); // 200 / 300
    expect(churn[1]!.netRevenueChurnRate).toBeCloseTo(200 / 3, 9);
    expect(churn[2]!.logoChurnRate).toBe(0);
    expect(churn[2]!.grossRevenueChurnRate).toBe(60); // contraction 150 / 250
    expect(churn[2]!.netRevenueChurnRate).toBe(0); // (150 − 150) / 250
    expect(churn[3]!.logoChurnRate).toBe(25);
    expect(churn[3]!.grossRevenueChurnRate).toBe(20); // churn 50 / 250
    expect(churn[3]!.netRevenueChurnRate).toBe(-60); // (50 − 150 − 50) / 250: net expansion
  });

  it('ARPA and LTV = ARPA ÷ trailing 6-month logo churn, undefined while nobody churned', async () => {
    const { unitEconomics } = await getMrrReport(t.db, { from: '2026-01', to: '2026-04', timeZone: 'UTC' });
    expect(unitEconomics.map((u) => [u.month, u.arpa, u.ltv])).toEqual([
      ['2026-01', '100.000000', null], // 300 / 3; no churn yet
      ['2026-02', '62.500000', '187.500000'], // 250 / 4; churn 1 of 3 → 62.5 × 3
      ['2026-03', '62.500000', '437.500000'], // churn 1 of 3 + 4 → 62.5 × 7
      ['2026-04', '120.000000', '660.000000'], // 600 / 5; churn 2 of 3 + 4 + 4 → 120 × 11 / 2
    ]);
    expect(unitEconomics[3]!.trailingLogoChurnRate).toBeCloseTo(200 / 11, 9);
  });

  it('net revenue retention of monthly cohorts, which expansion takes past 100 %', async () => {
    const { cohorts } = await getMrrReport(t.db, { from: '2026-01', to: '2026-04', timeZone: 'UTC' });
    expect(cohorts.map((c) => [c.cohort, c.workspaces, c.startingMrr, c.cells.map((x) => [x.month, x.mrr, x.retainedWorkspaces])])).toEqual([
      // W1, W2, W5: 300; then W1 50 + W5 50; W1 and W5 again (W1's up and down); W1 50 + W2 back 50, W5 gone.
      ['2026-01', 3, '300.000000', [['2026-01', '300.000000', 3], ['2026-02', '100.000000', 2], ['2026-03', '100.000000', 2], ['2026-04', '100.000000', 2]]],
      // W3 100 + W6 50; W6 goes to pro: 300.
      ['2026-02', 2, '150.000000', [['2026-02', '150.000000', 2], ['2026-03', '150.000000', 2], ['2026-04', '300.000000', 2]]],
      ['2026-04', 1, '200.000000', [['2026-04', '200.000000', 1]]],
    ]);
    expect(cohorts[0]!.cells.map((c) => c.nrr)).toEqual([100, 100 / 3, 100 / 3, 100 / 3]);
    expect(cohorts[1]!.cells.map((c) => c.nrr)).toEqual([100, 100, 200]);
  });
});
