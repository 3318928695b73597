import { describe, expect, it } from 'vitest';
import { kpiChange, moneyChange } from './kpi';

describe('KPI change vs the previous period', () => {
  it('is a relative change for counts, rounded to one decimal for display', () => {
    expect(kpiChange(112, 100, 'relative')).toEqual({ direction: 'up', text: '+12.0%', description: 'up 12.0% vs previous period', tone: 'good' });
    expect(kpiChange(90, 100, 'relative')?.text).toBe('\u221210.0%');
    expect(kpiChange(90, 100, 'relative')?.tone).toBe('bad');
  });

  it('has no percentage when the previous value is 0', () => {
    expect(kpiChange(5, 0, 'relative')).toBeNull();
    expect(kpiChange(0, 0, 'relative')).toBeNull();
  });

  it('is percentage points for rates', () => {
    expect(kpiChange(82.5, 80, 'points')?.text).toBe('+2.5 pp');
    expect(kpiChange(80, 80.01, 'points')).toMatchObject({ direction: 'flat', text: '±0.0 pp', tone: 'neutral' });
  });

  it('colours a rise as bad where lower is better (response time)', () => {
    expect(kpiChange(900, 800, 'relative', 'lower')?.tone).toBe('bad');
    expect(kpiChange(700, 800, 'relative', 'lower')?.tone).toBe('good');
  });

  it('compares money from decimal strings', () => {
    expect(moneyChange('150.000000', '100.000000')?.text).toBe('+50.0%');
    expect(moneyChange('150.000000', '0.000000')).toBeNull();
    expect(moneyChange('1.000000', '2.000000')?.tone).toBe('neutral');
  });
});
