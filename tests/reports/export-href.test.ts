import { describe, expect, it } from 'vitest';
import { exportHref } from '@/components/exports/export-href';

describe('export links', () => {
  it('carry the view’s range and filters, nothing else, plus the format', () => {
    expect(exportHref('w1', '?period=week&status=failed&sort=cost&cursor=abc', 'csv')).toBe('/api/workspaces/w1/export?period=week&status=failed&format=csv');
    expect(exportHref('w1', 'from=2026-03-01&to=2026-03-31&agentId=a&direction=inbound&provider=x%26y&sentiment=negative', 'json')).toBe(
      '/api/workspaces/w1/export?from=2026-03-01&to=2026-03-31&agentId=a&direction=inbound&provider=x%26y&sentiment=negative&format=json',
    );
    expect(exportHref('w1', '', 'csv')).toBe('/api/workspaces/w1/export?format=csv');
    expect(exportHref('w1', '?format=json', 'csv')).toBe('/api/workspaces/w1/export?format=csv');
  });
});

describe('report period options', async () => {
  const { monthDates, monthOptions, quarterOptions } = await import('@/components/reports/periods');
  it('lists months and quarters newest first, the current one marked to date', () => {
    expect(monthOptions('2026-01', 3).map((o) => o.value)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(monthOptions('2026-01', 1)[0]!.label).toBe('January 2026 (to date)');
    expect(quarterOptions('2026-02', 3).map((o) => o.value)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(monthDates('2024-02', '2026-01-15')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    // The current month is exported to date: up to today, not to its last day.
    expect(monthDates('2026-01', '2026-01-15')).toEqual({ first: '2026-01-01', last: '2026-01-15' });
  });
});
