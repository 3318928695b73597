import { describe, expect, it } from 'vitest';
import { listLocalDates, resolveRange } from '@/lib/analytics';
import { trendGranularity, trendPoints } from './trend';

const ZONE = 'America/New_York';
const daily = (range: Parameters<typeof listLocalDates>[0], value: (i: number) => string | number) => listLocalDates(range).map((date, i) => ({ date, value: value(i) }));

describe('trend granularity', () => {
  const now = new Date('2026-03-10T14:30:00Z');
  it('follows the range: daily up to 92 days, weekly beyond, never hourly; an explicit day/week/month wins', () => {
    expect(trendGranularity(resolveRange('day', ZONE, now))).toBe('day');
    expect(trendGranularity(resolveRange('month', ZONE, now))).toBe('day');
    expect(trendGranularity(resolveRange('year', ZONE, now))).toBe('week');
    expect(trendGranularity(resolveRange('year', ZONE, now), 'month')).toBe('month');
    expect(trendGranularity(resolveRange('week', ZONE, now), 'hour')).toBe('day');
  });
});

describe('trend points', () => {
  it('marks the first and last day of a rolling range partial, and says which part', () => {
    // 7 × 24 h ending 10:30 local: 3 March from 10:30 to 10 March until 10:30.
    const range = resolveRange('week', ZONE, new Date('2026-03-10T14:30:00Z'));
    const points = trendPoints(range, daily(range, () => 1), 'day');
    expect(points).toHaveLength(8);
    expect(points[0]).toMatchObject({ key: '2026-03-03', label: 'Mar 3', partial: 'partial: from 09:30' });
    expect(points.at(-1)).toMatchObject({ key: '2026-03-10', partial: 'partial: until 10:30' });
    expect(points.slice(1, -1).every((p) => p.partial === undefined)).toBe(true);
  });

  it('sums days into ISO weeks: counts as integers, money exactly from the decimal strings', () => {
    const range = resolveRange({ fromDate: '2026-03-02', toDate: '2026-03-15' }, ZONE, new Date());
    const counts = trendPoints(range, daily(range, (i) => i), 'week');
    expect(counts.map((p) => [p.key, p.value, p.display, p.partial])).toEqual([
      ['2026-03-02', 0 + 1 + 2 + 3 + 4 + 5 + 6, '21', undefined],
      ['2026-03-09', 7 + 8 + 9 + 10 + 11 + 12 + 13, '70', undefined],
    ]);
    // 0.1 fourteen times is 1.4 exactly here, where a float sum gives 1.4000000000000001.
    const money = trendPoints(range, daily(range, () => '0.100000'), 'week');
    expect(money.map((p) => p.display)).toEqual(['$0.70', '$0.70']);
    const cents = trendPoints(range, daily(range, (i) => (i === 0 ? '0.004000' : i === 1 ? '0.001000' : '0.000000')), 'week');
    expect(cents[0]!.display).toBe('$0.01'); // 0.005 rounds half up; two rounded days would say $0.00
  });

  it('marks a week or month the range covers only part of', () => {
    const range = resolveRange({ fromDate: '2026-03-04', toDate: '2026-04-10' }, ZONE, new Date());
    const weeks = trendPoints(range, daily(range, () => 2), 'week');
    expect(weeks[0]).toMatchObject({ key: '2026-03-02', label: 'Wk of Mar 2', value: 10, partial: 'partial: from Mar 4 00:00' });
    expect(weeks.at(-1)).toMatchObject({ key: '2026-04-06', value: 10, partial: 'partial: until Apr 11 00:00' });
    const months = trendPoints(range, daily(range, () => 1), 'month');
    expect(months.map((p) => [p.key, p.value])).toEqual([
      ['2026-03', 28],
      ['2026-04', 10],
    ]);
    expect(months.every((p) => p.partial)).toBe(true);
  });
});
