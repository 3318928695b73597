import { describe, expect, it } from 'vitest';
import { resolveRange } from '@/lib/analytics';
import { adminRangeQuerySchema, parseQuery } from '@/lib/api';
import { formatRange } from '@/lib/admin/format';
import { adminRangeSearch, adminRangeSelection } from '@/lib/admin/range-url';

/** The admin console's calendar ranges: presets, custom months, the URL and the range label. */
describe('admin calendar ranges', () => {
  const now = new Date('2026-12-02T09:41:00Z');
  const iso = (spec: Parameters<typeof resolveRange>[0], zone = 'UTC') => {
    const r = resolveRange(spec, zone, now);
    return [r.from.toISOString(), r.to.toISOString()];
  };

  it('resolves the presets to whole local months (this month: to date)', () => {
    expect(iso({ calendar: 'last_month' })).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(iso({ calendar: 'this_month' })).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-02T09:41:00.000Z']);
    expect(iso({ calendar: 'last_3_months' })).toEqual(['2026-09-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(iso({ calendar: 'last_12_months' })).toEqual(['2025-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    // Across a year boundary, and in a zone where it is still another day.
    expect(resolveRange({ calendar: 'last_month' }, 'UTC', new Date('2026-01-15T00:00:00Z')).from.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(iso({ calendar: 'last_month' }, 'America/Los_Angeles')).toEqual(['2026-11-01T07:00:00.000Z', '2026-12-01T08:00:00.000Z']);
  });

  it('resolves custom months inclusively and refuses reversed or malformed ones', () => {
    expect(iso({ fromMonth: '2026-02', toMonth: '2026-03' })).toEqual(['2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(() => resolveRange({ fromMonth: '2026-03', toMonth: '2026-02' }, 'UTC', now)).toThrow(/before from/);
    expect(() => resolveRange({ fromMonth: '2026-13', toMonth: '2026-02' }, 'UTC', now)).toThrow(/YYYY-MM/);
  });

  it('parses the query: last month by default, months, dates and rolling presets; bad input names the field', () => {
    const parse = (query: Record<string, string>) => parseQuery(adminRangeQuerySchema, query);
    expect(parse({})).toEqual({ ok: true, data: { range: { calendar: 'last_month' }, timeZone: 'UTC' } });
    expect(parse({ period: 'last_3_months' })).toMatchObject({ ok: true, data: { range: { calendar: 'last_3_months' } } });
    expect(parse({ period: 'week' })).toMatchObject({ ok: true, data: { range: { period: 'week' } } });
    expect(parse({ from: '2026-01', to: '2026-03' })).toMatchObject({ ok: true, data: { range: { fromMonth: '2026-01', toMonth: '2026-03' } } });
    expect(parse({ from: '2026-01-05', to: '2026-03-01' })).toMatchObject({ ok: true, data: { range: { fromDate: '2026-01-05', toDate: '2026-03-01' } } });
    expect(parse({ from: '2026-01', to: '2026-03-01' })).toMatchObject({ ok: false, message: expect.stringContaining('to') });
    expect(parse({ period: 'decade' })).toMatchObject({ ok: false, message: expect.stringContaining('period') });
    expect(parse({ from: '2026-13', to: '2026-14' })).toMatchObject({ ok: false, message: expect.stringContaining('from') });
  });

  it('keeps the choice in the URL: the default needs no parameter, other params stay', () => {
    expect(adminRangeSearch('period=week&timeZone=Asia%2FTokyo', { period: 'last_month' })).toBe('?timeZone=Asia%2FTokyo');
    expect(adminRangeSearch('q=acme', { period: 'this_month' })).toBe('?q=acme&period=this_month');
    expect(adminRangeSearch('period=this_month', { from: '2026-01', to: '2026-02' })).toBe('?from=2026-01&to=2026-02');
    expect(adminRangeSelection('')).toEqual({ kind: 'calendar', period: 'last_month' });
    expect(adminRangeSelection('from=2026-01&to=2026-02')).toEqual({ kind: 'months', from: '2026-01', to: '2026-02' });
    expect(adminRangeSelection('period=week')).toEqual({ kind: 'other' });
  });

  it('labels whole days by date and a partial day with its time', () => {
    expect(formatRange({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), timeZone: 'UTC' })).toBe('Nov 1, 2026 – Nov 30, 2026 · UTC');
    expect(formatRange({ from: new Date('2026-12-01T00:00:00Z'), to: now, timeZone: 'UTC' })).toBe('Dec 1, 2026, 00:00 – Dec 2, 2026, 09:41 · UTC');
  });
});
