import { describe, expect, it } from 'vitest';
import { InvalidRangeError, listLocalDates, previousRange, resolveRange, type RangeSpec } from '@/lib/analytics';

const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];
const HOUR = 3_600_000;

describe('resolveRange presets', () => {
  const now = new Date('2026-03-08T15:00:00Z'); // 11:00 EDT, the day New York springs forward

  it('day starts at local midnight, which on a DST day was still standard time', () => {
    expect(iso(resolveRange('day', 'America/New_York', now))).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-08T15:00:00.000Z']);
    // Nov 1 2026: midnight is still EDT (-04:00), the afternoon is EST.
    const fallBack = new Date('2026-11-01T18:00:00Z');
    expect(iso(resolveRange({ period: 'day' }, 'America/New_York', fallBack))).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-01T18:00:00.000Z']);
  });

  it('day in half-hour and 45-minute zones', () => {
    expect(resolveRange('day', 'Asia/Kolkata', now).from.toISOString()).toBe('2026-03-07T18:30:00.000Z');
    expect(resolveRange('day', 'Asia/Kathmandu', now).from.toISOString()).toBe('2026-03-07T18:15:00.000Z');
    // 20:00Z is already the next local day in Kathmandu (01:45).
    expect(resolveRange('day', 'Asia/Kathmandu', new Date('2026-03-08T20:00:00Z')).from.toISOString()).toBe('2026-03-08T18:15:00.000Z');
  });

  it('week, month and year are rolling 7/30/365 days ending now', () => {
    for (const [preset, days] of [['week', 7], ['month', 30], ['year', 365]] as const) {
      const range = resolveRange(preset, 'Asia/Kolkata', now);
      expect(range.to).toEqual(now);
      expect(now.getTime() - range.from.getTime()).toBe(days * 24 * HOUR);
      expect(range.timeZone).toBe('Asia/Kolkata');
    }
  });
});

describe('resolveRange custom dates and calendar periods', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('custom inclusive dates become local midnight to the next local midnight (23 h and 25 h DST days)', () => {
    const spring = resolveRange({ fromDate: '2026-03-08', toDate: '2026-03-08' }, 'America/New_York', now);
    expect(iso(spring)).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * HOUR);
    const autumn = resolveRange({ fromDate: '2026-11-01', toDate: '2026-11-01' }, 'America/New_York', now);
    expect(iso(autumn)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * HOUR);
  });

  it('calendar months in +05:30 and +05:45, and across the year end', () => {
    expect(iso(resolveRange({ month: '2026-03' }, 'Asia/Kolkata', now))).toEqual(['2026-02-28T18:30:00.000Z', '2026-03-31T18:30:00.000Z']);
    expect(iso(resolveRange({ month: '2026-02' }, 'Asia/Kathmandu', now))).toEqual(['2026-01-31T18:15:00.000Z', '2026-02-28T18:15:00.000Z']);
    expect(iso(resolveRange({ month: '2026-12' }, 'UTC', now))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    // March in New York contains the spring-forward day: 31 days minus one hour.
    const march = resolveRange({ month: '2026-03' }, 'America/New_York', now);
    expect(iso(march)).toEqual(['2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z']);
  });

  it('calendar quarters', () => {
    expect(iso(resolveRange({ quarter: '2026-Q1' }, 'Asia/Kathmandu', now))).toEqual(['2025-12-31T18:15:00.000Z', '2026-03-31T18:15:00.000Z']);
    expect(iso(resolveRange({ quarter: '2026-Q4' }, 'UTC', now))).toEqual(['2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(resolveRange({ quarter: '2026-Q2' }, 'America/New_York', now))).toEqual(['2026-04-01T04:00:00.000Z', '2026-07-01T04:00:00.000Z']);
  });

  it('a midnight skipped by DST starts the day at the first existing instant (America/Santiago)', () => {
    // Santiago jumps from 00:00 to 01:00 on 2026-09-06.
    expect(resolveRange({ fromDate: '2026-09-06', toDate: '2026-09-06' }, 'America/Santiago', now).from.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('resolveRange rejects bad input naming the parameter', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const cases: [RangeSpec | unknown, string, string][] = [
    [{ fromDate: '2026-03-10', toDate: '2026-03-09' }, 'UTC', 'to'],
    [{ fromDate: '2026-02-30', toDate: '2026-03-09' }, 'UTC', 'from'],
    [{ fromDate: '2026-03-01', toDate: '03/09/2026' }, 'UTC', 'to'],
    [{ fromDate: '2000-01-01', toDate: '2026-03-09' }, 'UTC', 'to'],
    [{ month: '2026-13' }, 'UTC', 'month'],
    [{ month: '2026-1' }, 'UTC', 'month'],
    [{ quarter: '2026-Q5' }, 'UTC', 'quarter'],
    ['decade', 'UTC', 'period'],
    [{}, 'UTC', 'period'],
    ['day', 'Mars/Olympus_Mons', 'timeZone'],
    ['day', '+05:30', 'timeZone'],
    ['day', '', 'timeZone'],
  ];
  it.each(cases)('%j in %s → %s', (spec, zone, param) => {
    let error: unknown;
    try {
      resolveRange(spec as RangeSpec, zone, now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRangeError);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as InvalidRangeError).param).toBe(param);
  });
});

describe('listLocalDates and previousRange', () => {
  it('lists every local date overlapping the range, DST days counted once', () => {
    const range = resolveRange({ fromDate: '2026-11-01', toDate: '2026-11-02' }, 'America/New_York', new Date());
    expect(listLocalDates(range)).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('a rolling range overlaps a partial first and last local date', () => {
    const range = { from: new Date('2026-03-01T12:00:00Z'), to: new Date('2026-03-03T12:00:00Z'), timeZone: 'Asia/Kolkata' };
    // 17:30 Mar 1 → 17:30 Mar 3 local.
    expect(listLocalDates(range)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(listLocalDates({ ...range, to: range.from })).toEqual([]);
  });

  it('previous range has equal length and ends where the range starts', () => {
    const range = resolveRange({ month: '2026-03' }, 'UTC', new Date());
    const previous = previousRange(range);
    expect(iso(previous)).toEqual(['2026-01-29T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    expect(previous.timeZone).toBe('UTC');
  });

  it('"today so far" compares with the same hours yesterday, not the hours before midnight', () => {
    const now = new Date('2026-03-10T14:41:00Z'); // 10:41 in New York (EDT since Mar 8)
    const today = resolveRange('day', 'America/New_York', now);
    expect(iso(today)).toEqual(['2026-03-10T04:00:00.000Z', '2026-03-10T14:41:00.000Z']);
    expect(iso(previousRange(today))).toEqual(['2026-03-09T04:00:00.000Z', '2026-03-09T14:41:00.000Z']);
    // Across the DST change: yesterday's midnight was still EST (UTC-5).
    const sunday = resolveRange('day', 'America/New_York', new Date('2026-03-09T13:00:00Z'));
    expect(iso(previousRange(sunday))[0]).toBe('2026-03-08T05:00:00.000Z');
    // A rolling week still compares with the week before it.
    const week = resolveRange('week', 'America/New_York', now);
    expect(previousRange(week).to).toEqual(week.from);
  });
});

describe('zone arithmetic is memoized without changing an answer', () => {
  it('gives the same local dates and midnights when asked again, and a fresh Date each time', async () => {
    const { startOfLocalDate, localDateOf, isValidTimeZone } = await import('@/lib/analytics/range');
    // DST days: New York springs forward at 02:00 (midnight stays), Santiago skips its midnight.
    const first = startOfLocalDate('2026-03-08', 'America/New_York');
    expect(first.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    first.setTime(0);
    expect(startOfLocalDate('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDate('2026-09-06', 'America/Santiago').toISOString()).toBe(startOfLocalDate('2026-09-06', 'America/Santiago').toISOString());
    expect(startOfLocalDate('2026-03-08', 'Asia/Kathmandu').toISOString()).toBe('2026-03-07T18:15:00.000Z');
    const instant = new Date('2026-03-08T04:59:59.999Z');
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-03-07');
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-03-07');
    expect(localDateOf(instant, 'Asia/Kolkata')).toBe('2026-03-08');
    const range = { from: new Date('2026-03-07T05:00:00Z'), to: new Date('2026-03-10T04:00:00Z'), timeZone: 'America/New_York' };
    const dates = listLocalDates(range);
    expect(dates).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    dates.push('changed by a caller');
    expect(listLocalDates(range)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    for (let i = 0; i < 2; i++) {
      expect(isValidTimeZone('Europe/Berlin')).toBe(true);
      expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    }
  });
});
