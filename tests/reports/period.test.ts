import { describe, expect, it } from 'vitest';
import { formatReportRange } from '@/lib/reports/format';
import { reportMonthRange, reportQuarterRange, toDateSuffix } from '@/lib/reports/period';

const ZONE = 'America/New_York';

describe('report periods to date', () => {
  const now = new Date('2026-03-10T14:30:00Z'); // 10:30 in New York (EDT from 8 March)

  it('ends a month that has not ended at now, and says so', () => {
    const range = reportMonthRange('2026-03', ZONE, now);
    expect(range).toEqual({ from: new Date('2026-03-01T05:00:00Z'), to: now, timeZone: ZONE, toDate: true });
    expect(toDateSuffix(range.toDate)).toBe(' (to date)');
    expect(formatReportRange({ start: range.from.toISOString(), end: range.to.toISOString(), timeZone: ZONE, toDate: true })).toBe('Mar 1, 2026 – Mar 10, 2026 10:30 (to date)');
  });

  it('keeps an ended month whole', () => {
    const range = reportMonthRange('2026-02', ZONE, now);
    expect(range).toEqual({ from: new Date('2026-02-01T05:00:00Z'), to: new Date('2026-03-01T05:00:00Z'), timeZone: ZONE, toDate: false });
    expect(toDateSuffix(range.toDate)).toBe('');
    expect(formatReportRange({ start: range.from.toISOString(), end: range.to.toISOString(), timeZone: ZONE, toDate: false })).toBe('Feb 1, 2026 – Feb 28, 2026');
  });

  it('reports the running quarter to date and an ended one whole', () => {
    expect(reportQuarterRange('2026-Q1', ZONE, now)).toMatchObject({ to: now, toDate: true });
    expect(reportQuarterRange('2025-q4', ZONE, now)).toMatchObject({ to: new Date('2026-01-01T05:00:00Z'), toDate: false });
  });

  it('refuses a period that has not begun, naming the parameter', () => {
    expect(() => reportMonthRange('2026-04', ZONE, now)).toThrow(/future/);
    expect(() => reportQuarterRange('2026-Q2', ZONE, now)).toThrow(/future/);
  });

  it('is to date up to the last instant of the month, and whole from its end on', () => {
    const end = new Date('2026-04-01T04:00:00Z');
    expect(reportMonthRange('2026-03', ZONE, new Date(end.getTime() - 1)).toDate).toBe(true);
    expect(reportMonthRange('2026-03', ZONE, end)).toMatchObject({ to: end, toDate: false });
  });
});
