import { describe, expect, it } from 'vitest';
import { currentRange, nextSearch, rangeLabel, rangeSearch, viewSearch } from './url';

describe('view state in the URL', () => {
  it('drops the cursor when a filter changes, keeps it for table changes; the hour is a filter like the others', () => {
    expect(nextSearch('period=week&cursor=abc&hour=3&sort=cost', { status: 'failed' })).toBe('?period=week&hour=3&sort=cost&status=failed');
    expect(nextSearch('period=week&cursor=abc&status=failed', { hour: '9' })).toBe('?period=week&status=failed&hour=9');
    expect(nextSearch('period=week&sort=cost', { cursor: 'xyz' })).toBe('?period=week&sort=cost&cursor=xyz');
    expect(nextSearch('status=failed', { status: null })).toBe('');
  });

  it('switches between presets and custom dates without leaving both', () => {
    expect(rangeSearch('from=2025-01-01&to=2025-01-31&agentId=a', { period: 'year' })).toBe('?agentId=a&period=year');
    expect(rangeSearch('period=week', { from: '2025-01-01', to: '2025-01-02' })).toBe('?from=2025-01-01&to=2025-01-02');
  });

  it('carries range and filters, not table state, between pages', () => {
    expect(viewSearch({ period: 'week', cursor: 'c', sort: 'cost', status: 'failed' })).toBe('?period=week&status=failed');
    expect(viewSearch({ period: 'week', status: 'failed' }, ['period'])).toBe('?period=week');
  });

  it('reads the selected range, defaulting to the last 30 days like the API', () => {
    expect(currentRange('')).toEqual({ kind: 'preset', period: 'month' });
    expect(currentRange('period=day')).toEqual({ kind: 'preset', period: 'day' });
    expect(currentRange({ from: '2025-01-01', to: '2025-01-31' })).toEqual({ kind: 'custom', from: '2025-01-01', to: '2025-01-31' });
    expect(rangeLabel(currentRange('period=year'))).toBe('Last 12 months');
    expect(rangeLabel({ kind: 'custom', from: '2025-01-01', to: '2025-01-31' })).toBe('2025-01-01 – 2025-01-31');
  });
});
