import { describe, expect, it } from 'vitest';
import {
  assertRange, chooseGranularity, InvalidParameterError, InvalidRangeError, isValidTimeZone, listBuckets, NotFoundError,
  previousRange, resolveRange, type RangeSpec, type TimeRange,
} from '@/lib/analytics';
import { assertGranularity } from '@/lib/analytics/buckets';
import { rollupsEnabled, withoutRollups } from '@/lib/analytics/rollup-mode';

// docs/METRICS.md "Ranges and buckets", the edges the mutation run found unpinned: each
// refusal's parameter and message, each boundary on both sides, and the buckets' ends.

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const iso = (r: { from: Date; to: Date }) => [r.from.toISOString(), r.to.toISOString()];

function refusal(work: () => unknown): InvalidParameterError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParameterError);
    return error as InvalidParameterError;
  }
  throw new Error('expected a refusal');
}

describe('assertRange: what a metric function is handed', () => {
  const from = new Date('2026-03-01T00:00:00Z');
  it.each<[string, unknown, string, string]>([
    ['no range at all', undefined, 'timeZone', 'timeZone: unknown IANA time zone undefined'],
    ['an unknown zone', { from, to: from, timeZone: 'Mars/Base' }, 'timeZone', 'timeZone: unknown IANA time zone "Mars/Base"'],
    ['from that is not a date', { from: '2026-03-01', to: from, timeZone: 'UTC' }, 'from', 'from: not a valid instant'],
    ['from that is an invalid date', { from: new Date(NaN), to: from, timeZone: 'UTC' }, 'from', 'from: not a valid instant'],
    ['to that is not a date', { from, to: 5, timeZone: 'UTC' }, 'to', 'to: not a valid instant'],
    ['to that is an invalid date', { from, to: new Date(NaN), timeZone: 'UTC' }, 'to', 'to: not a valid instant'],
    ['to before from', { from, to: new Date(from.getTime() - 1), timeZone: 'UTC' }, 'to', 'to: is before from'],
    ['longer than 3,700 days', { from, to: new Date(from.getTime() + 3700 * DAY + 1), timeZone: 'UTC' }, 'to', 'to: range longer than 3700 days'],
  ])('refuses %s', (_, range, param, message) => {
    const error = refusal(() => assertRange(range as TimeRange));
    expect(error).toBeInstanceOf(InvalidRangeError);
    expect([error.param, error.message, error.name]).toEqual([param, message, 'InvalidRangeError']);
  });

  it('accepts an empty range and one of exactly 3,700 days', () => {
    expect(assertRange({ from, to: from, timeZone: 'UTC' }).to).toBe(from);
    const longest = { from, to: new Date(from.getTime() + 3700 * DAY), timeZone: 'UTC' };
    expect(assertRange(longest)).toBe(longest);
  });

  it('zones: Region/City names of any depth; not offsets', () => {
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('+05:30')).toBe(false);
    expect(isValidTimeZone(5)).toBe(false);
  });
});

describe('resolveRange: every refusal names its parameter and says what was expected', () => {
  it.each<[string, unknown, string, string]>([
    ['null', null, 'period', 'period: expected a preset, fromDate/toDate, month or quarter'],
    ['a number', 5, 'period', 'period: expected a preset, fromDate/toDate, month or quarter'],
    ['an unknown preset', 'decade', 'period', 'period: unknown period "decade"; expected one of day, week, month, year'],
    ['an unknown calendar preset', { calendar: 'last_decade' }, 'period', 'period: unknown period "last_decade"'],
    ['dates in reverse', { fromDate: '2026-03-10', toDate: '2026-03-09' }, 'to', 'to: is before from'],
    ['month 13 (day 1 exists)', { fromDate: '2026-13-01', toDate: '2026-03-09' }, 'from', 'from: expected a date YYYY-MM-DD, got "2026-13-01"'],
    ['a month before 1900', { month: '1899-12' }, 'month', 'month: expected YYYY-MM, got "1899-12"'],
    ['a month with a prefix', { month: 'x2026-01' }, 'month', 'month: expected YYYY-MM, got "x2026-01"'],
    ['a month with a suffix', { month: '2026-01x' }, 'month', 'month: expected YYYY-MM, got "2026-01x"'],
    ['a month that is not a string', { month: ['2026-01'] }, 'month', 'month: expected YYYY-MM, got ["2026-01"]'],
    ['a quarter before 1900', { quarter: '1899-Q4' }, 'quarter', 'quarter: expected YYYY-Qn, got "1899-Q4"'],
    ['a quarter with a prefix', { quarter: 'x2026-Q1' }, 'quarter', 'quarter: expected YYYY-Qn, got "x2026-Q1"'],
    ['a quarter with a suffix', { quarter: '2026-Q1x' }, 'quarter', 'quarter: expected YYYY-Qn, got "2026-Q1x"'],
    ['a quarter that is not a string', { quarter: ['2026-Q1'] }, 'quarter', 'quarter: expected YYYY-Qn, got ["2026-Q1"]'],
    ['months in reverse', { fromMonth: '2026-03', toMonth: '2026-02' }, 'to', 'to: is before from'],
    ['a from month before 1900', { fromMonth: '1899-12', toMonth: '2026-02' }, 'from', 'from: expected a month YYYY-MM, got "1899-12"'],
    ['a from month with a prefix', { fromMonth: 'x2026-01', toMonth: '2026-02' }, 'from', 'from: expected a month YYYY-MM, got "x2026-01"'],
    ['a to month with a suffix', { fromMonth: '2026-01', toMonth: '2026-02x' }, 'to', 'to: expected a month YYYY-MM, got "2026-02x"'],
  ])('%s', (_, spec, param, message) => {
    const error = refusal(() => resolveRange(spec as RangeSpec, 'UTC', NOW));
    expect([error.param, error.message]).toEqual([param, message]);
  });

  it('refuses a clock that is not a valid instant, naming `to`', () => {
    const error = refusal(() => resolveRange('day', 'UTC', new Date(NaN)));
    expect([error.param, error.message]).toEqual(['to', 'to: now is not a valid instant']);
  });

  it('months and quarters from 1900 on; month spans across a year end; one month alone', () => {
    expect(iso(resolveRange({ month: '1900-01' }, 'UTC', NOW))).toEqual(['1900-01-01T00:00:00.000Z', '1900-02-01T00:00:00.000Z']);
    expect(iso(resolveRange({ quarter: '1900-Q1' }, 'UTC', NOW))).toEqual(['1900-01-01T00:00:00.000Z', '1900-04-01T00:00:00.000Z']);
    expect(iso(resolveRange({ fromMonth: '1900-01', toMonth: '1900-01' }, 'UTC', NOW))).toEqual(['1900-01-01T00:00:00.000Z', '1900-02-01T00:00:00.000Z']);
    expect(iso(resolveRange({ fromMonth: '2025-11', toMonth: '2026-02' }, 'UTC', NOW))).toEqual(['2025-11-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });
});

describe('previousRange edges', () => {
  const ny = 'America/New_York';
  it('an empty range at midnight is its own previous range', () => {
    const midnight = new Date('2026-03-10T04:00:00Z');
    expect(iso(previousRange({ from: midnight, to: midnight, timeZone: ny }))).toEqual([midnight.toISOString(), midnight.toISOString()]);
  });

  it('an hour that does not start at midnight compares with the hour before', () => {
    const range = { from: new Date('2026-03-10T14:00:00Z'), to: new Date('2026-03-10T15:00:00Z'), timeZone: ny };
    expect(iso(previousRange(range))).toEqual(['2026-03-10T13:00:00.000Z', '2026-03-10T14:00:00.000Z']);
  });

  it('24 hours from midnight after the 23-hour day compare with the 24 hours before, not with that day', () => {
    const range = { from: new Date('2026-03-09T04:00:00Z'), to: new Date('2026-03-10T04:00:00Z'), timeZone: ny };
    expect(iso(previousRange(range))).toEqual(['2026-03-08T04:00:00.000Z', '2026-03-09T04:00:00.000Z']);
  });
});

describe('granularity edges', () => {
  const from = new Date('2026-03-01T00:00:00Z');
  const span = (ms: number): TimeRange => ({ from, to: new Date(from.getTime() + ms), timeZone: 'UTC' });
  it('hours up to exactly two days, days up to exactly 92', () => {
    expect([chooseGranularity(span(2 * DAY)), chooseGranularity(span(2 * DAY + 1))]).toEqual(['hour', 'day']);
    expect([chooseGranularity(span(92 * DAY)), chooseGranularity(span(92 * DAY + 1))]).toEqual(['day', 'week']);
  });

  it('refuses an unknown granularity and hours beyond 31 days, naming `granularity`', () => {
    const unknown = refusal(() => assertGranularity(span(DAY), 'minute' as 'hour'));
    expect([unknown.param, unknown.message, unknown.name]).toEqual(['granularity', 'granularity: must be one of hour, day, week, month', 'InvalidParameterError']);
    expect(assertGranularity(span(31 * DAY), 'hour')).toBe('hour');
    expect(assertGranularity(span(40 * DAY), 'day')).toBe('day');
    const long = refusal(() => assertGranularity(span(31 * DAY + 1), 'hour'));
    expect([long.param, long.message]).toEqual(['granularity', 'granularity: hour is available for ranges of up to 31 days']);
  });
});

describe('bucket edges', () => {
  it('an empty range has no bucket, even mid-hour', () => {
    const t = new Date('2026-03-10T10:30:00Z');
    expect(listBuckets({ from: t, to: t, timeZone: 'UTC' }, 'hour')).toEqual([]);
  });

  it('an hour bucket starts on the whole hour, seconds and milliseconds included, and ends at the next', () => {
    const range = { from: new Date('2026-03-10T10:30:15.250Z'), to: new Date('2026-03-10T11:30:00Z'), timeZone: 'UTC' };
    expect(listBuckets(range, 'hour').map((b) => [b.key, b.start.toISOString(), b.end.toISOString(), b.partial])).toEqual([
      ['2026-03-10T10', '2026-03-10T10:00:00.000Z', '2026-03-10T11:00:00.000Z', true],
      ['2026-03-10T11', '2026-03-10T11:00:00.000Z', '2026-03-10T12:00:00.000Z', true],
    ]);
  });

  it('the hour DST repeats is one bucket of two hours, also when the range starts the evening before', () => {
    // US fall-back, Nov 1 2026: 01:00–02:00 happens twice (EDT, then EST).
    const range = { from: new Date('2026-11-01T03:00:00Z'), to: new Date('2026-11-01T08:00:00Z'), timeZone: 'America/New_York' };
    expect(listBuckets(range, 'hour').map((b) => [b.key, b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-10-31T23', '2026-11-01T03:00:00.000Z', '2026-11-01T04:00:00.000Z'],
      ['2026-11-01T00', '2026-11-01T04:00:00.000Z', '2026-11-01T05:00:00.000Z'],
      ['2026-11-01T01', '2026-11-01T05:00:00.000Z', '2026-11-01T07:00:00.000Z'],
      ['2026-11-01T02', '2026-11-01T07:00:00.000Z', '2026-11-01T08:00:00.000Z'],
    ]);
  });

  it('the last day, week and month end where the next one starts', () => {
    const range = { from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-04T12:00:00Z'), timeZone: 'UTC' };
    expect(listBuckets(range, 'day').at(-1)!.end.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(listBuckets(range, 'week').map((b) => [b.key, b.end.toISOString()])).toEqual([['2026-03-02', '2026-03-09T00:00:00.000Z']]);
    expect(listBuckets(range, 'month').map((b) => [b.key, b.end.toISOString()])).toEqual([['2026-03', '2026-04-01T00:00:00.000Z']]);
  });
});

describe('errors and the read-path switch', () => {
  it('NotFoundError says what was not found, and nothing else', () => {
    const error = new NotFoundError('agent');
    expect([error.name, error.message, error.resource]).toEqual(['NotFoundError', 'agent not found', 'agent']);
  });

  it('withoutRollups turns the rollups off inside it only', async () => {
    expect(rollupsEnabled()).toBe(true);
    expect(await withoutRollups(async () => rollupsEnabled())).toBe(false);
    expect(rollupsEnabled()).toBe(true);
  });
});
