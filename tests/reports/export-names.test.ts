import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import type { TimeRange } from '@/lib/analytics';
import { attachment, contentTypeOf, exportFilename, formatWithOffset, instantFormatter, rangeLabel, safeSlug } from '@/lib/reports/export';

// The export's file name and headers (METRICS.md "Export", README): calls-<slug>-<first
// local date>_<last local date>.<ext>, the last date holding the range's last instant.
const NY = 'America/New_York';
const range = (from: string, to: string, timeZone = NY): TimeRange => ({ from: new Date(from), to: new Date(to), timeZone });

describe('export file name and headers', () => {
  it('names the file by slug and local dates of the range', () => {
    const march = range('2026-03-01T05:00:00Z', '2026-04-01T04:00:00Z');
    expect(exportFilename('acme', march, 'csv')).toBe('calls-acme-2026-03-01_2026-03-31.csv');
    expect(exportFilename('acme', march, 'json')).toBe('calls-acme-2026-03-01_2026-03-31.json');
    expect(exportFilename('acme', march, 'ndjson')).toBe('calls-acme-2026-03-01_2026-03-31.ndjson');
  });

  it('ends the label on the date of the last instant, not the end instant, and names one day once', () => {
    // Ends at local midnight of Mar 9: its last instant is on Mar 8.
    expect(rangeLabel(range('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'))).toBe('2026-03-08');
    // One millisecond past that midnight: Mar 9 is in.
    expect(rangeLabel(range('2026-03-08T05:00:00Z', '2026-03-09T04:00:00.001Z'))).toBe('2026-03-08_2026-03-09');
    // An empty range (to = from) is the date of from, never the day before.
    expect(rangeLabel(range('2026-03-10T04:00:00Z', '2026-03-10T04:00:00Z'))).toBe('2026-03-10');
    // Local dates: the same instants in Kolkata are other days.
    expect(rangeLabel(range('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 'Asia/Kolkata'))).toBe('2026-03-08_2026-03-09');
    expect(rangeLabel(range('2026-03-07T20:00:00Z', '2026-03-08T18:00:00Z', 'Asia/Kolkata'))).toBe('2026-03-08');
  });

  it('keeps the slug to lower-case [a-z0-9-], runs of anything else as one dash, no dash at the ends, 60 characters, else "workspace"', () => {
    expect(safeSlug('acme-reports')).toBe('acme-reports');
    expect(safeSlug('Acme Reports')).toBe('acme-reports');
    expect(safeSlug('a__"b";c')).toBe('a-b-c');
    expect(safeSlug('--a--b--')).toBe('a--b');
    expect(safeSlug('x\r\nContent-Type: evil')).toBe('x-content-type-evil');
    expect(safeSlug('Zoë 2')).toBe('zo-2');
    expect(safeSlug('a'.repeat(59) + 'bc')).toBe('a'.repeat(59) + 'b');
    expect(safeSlug('')).toBe('workspace');
    expect(safeSlug('"; --')).toBe('workspace');
  });

  it('sends the file as an attachment with the type of its format', () => {
    expect(attachment('calls-acme-2026-03-08.csv')).toBe('attachment; filename="calls-acme-2026-03-08.csv"');
    expect(contentTypeOf('csv')).toBe('text/csv; charset=utf-8; header=present');
    expect(contentTypeOf('json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('ndjson')).toBe('application/x-ndjson; charset=utf-8');
  });
});

describe('instants with offset: the per-quarter-hour cache', () => {
  it('uses the offset of each instant inside a quarter hour that holds a transition (Monrovia, 1972-01-07T00:44:30Z)', () => {
    const zone = 'Africa/Monrovia';
    const cached = instantFormatter(zone);
    const start = Date.parse('1972-01-07T00:15:00Z');
    // Every 20 s over an hour, in order and then backwards (a cached bucket must not leak).
    const instants = Array.from({ length: 180 }, (_, k) => start + k * 20_000);
    for (const ms of [...instants, ...instants.reverse()]) {
      expect(cached(ms), new Date(ms).toISOString()).toBe(formatWithOffset(ms, tzOffset(zone, new Date(ms))));
    }
    // The offsets on both sides really differ, so the check above means something.
    expect(tzOffset(zone, new Date('1972-01-07T00:44:00Z'))).not.toBe(tzOffset(zone, new Date('1972-01-07T00:45:00Z')));
  });

  it('agrees with the uncached offset at quarter-hour edges around a DST change, in any order', () => {
    const cached = instantFormatter(NY);
    const edge = Date.parse('2026-03-08T07:00:00Z');
    const instants = [-900_001, -900_000, -1, 0, 1, 899_999, 900_000, -1, 0, -900_000].map((d) => edge + d);
    for (const ms of instants) expect(cached(ms)).toBe(formatWithOffset(ms, tzOffset(NY, new Date(ms))));
    expect(cached(edge - 1)).toBe('2026-03-08T01:59:59.999-05:00');
    expect(cached(edge)).toBe('2026-03-08T03:00:00-04:00');
  });

  it('writes a zero offset as +00:00 and milliseconds only when not zero', () => {
    expect(formatWithOffset(Date.parse('2026-01-01T00:00:00.000Z'), 0)).toBe('2026-01-01T00:00:00+00:00');
    expect(formatWithOffset(Date.parse('2026-01-01T00:00:00.001Z'), 0)).toBe('2026-01-01T00:00:00.001+00:00');
    expect(formatWithOffset(Date.parse('2026-01-01T00:00:00.010Z'), 345)).toBe('2026-01-01T05:45:00.010+05:45');
    expect(formatWithOffset(Date.parse('2026-01-01T12:00:00Z'), -570)).toBe('2026-01-01T02:30:00-09:30');
  });
});
