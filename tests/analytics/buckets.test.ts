import { describe, expect, it } from 'vitest';
import { chooseGranularity, listBuckets, resolveRange } from '@/lib/analytics';
import { assertGranularity } from '@/lib/analytics/buckets';

/** Issue 15 items 2 and 3: bucket choice, local buckets in the zone, partial-bucket marking. */
describe('time buckets', () => {
  const now = new Date('2026-03-10T13:41:00Z'); // 09:41 in New York
  const ny = 'America/New_York';

  it('chooses hours for a day, days up to ~90 days, weeks beyond', () => {
    expect(chooseGranularity(resolveRange('day', ny, now))).toBe('hour');
    expect(chooseGranularity(resolveRange('week', ny, now))).toBe('day');
    expect(chooseGranularity(resolveRange('month', ny, now))).toBe('day');
    expect(chooseGranularity(resolveRange({ fromDate: '2026-01-01', toDate: '2026-03-31' }, ny, now))).toBe('day');
    expect(chooseGranularity(resolveRange('year', ny, now))).toBe('week');
    expect(() => assertGranularity(resolveRange('year', ny, now), 'hour')).toThrow(/31 days/);
  });

  it('marks today’s hours: whole hours until the current one, which is partial', () => {
    const buckets = listBuckets(resolveRange('day', ny, now), 'hour');
    expect(buckets.map((b) => b.key)).toEqual(Array.from({ length: 10 }, (_, h) => `2026-03-10T${String(h).padStart(2, '0')}`));
    expect(buckets.filter((b) => b.partial).map((b) => b.key)).toEqual(['2026-03-10T09']);
    expect(buckets[0]!.start.toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });

  it('a rolling 7 days starts and ends mid-day: both end days are partial', () => {
    const buckets = listBuckets(resolveRange('week', ny, now), 'day');
    expect(buckets).toHaveLength(8);
    expect(buckets.map((b) => b.partial)).toEqual([true, false, false, false, false, false, false, true]);
  });

  it('custom whole dates have no partial bucket; weeks start on Monday and may be partial at the ends', () => {
    const march = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, ny, now);
    expect(listBuckets(march, 'day').some((b) => b.partial)).toBe(false);
    const weeks = listBuckets(march, 'week');
    // Sunday Mar 1 belongs to the week of Monday Feb 23; Tue Mar 31 to the week of Mar 30.
    expect(weeks.map((b) => b.key)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(weeks.map((b) => b.partial)).toEqual([true, false, false, false, false, true]);
    expect(listBuckets(march, 'month')).toEqual([{ key: '2026-03', start: march.from, end: march.to, partial: false }]);
  });

  it('follows DST and half-hour zones: 23 and 25 local hours, Kolkata hours at :30 UTC', () => {
    expect(listBuckets(resolveRange({ fromDate: '2026-03-08', toDate: '2026-03-08' }, ny, now), 'hour')).toHaveLength(23);
    const fallBack = listBuckets(resolveRange({ fromDate: '2026-11-01', toDate: '2026-11-01' }, ny, now), 'hour');
    // The repeated 01:00 is one bucket of two hours (the wall clock groups them).
    expect(fallBack).toHaveLength(24);
    expect(fallBack[1]!.end.getTime() - fallBack[1]!.start.getTime()).toBe(2 * 3_600_000);
    const kolkata = listBuckets(resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-01' }, 'Asia/Kolkata', now), 'hour');
    expect(kolkata).toHaveLength(24);
    expect(kolkata[0]!.start.toISOString()).toBe('2026-02-28T18:30:00.000Z');
  });
});
