import { describe, expect, it } from 'vitest';
import { decimalsOf, niceAxis, niceStep, tickLabel, valueAxisProps } from './ticks';

describe('nice steps', () => {
  it('are 1, 2, 2.5 or 5 × 10ⁿ, the smallest at or above the raw step', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.1)).toBe(2);
    expect(niceStep(2.1)).toBe(2.5);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(6)).toBe(10);
    expect(niceStep(487.5)).toBe(500);
    expect(niceStep(0.00031)).toBe(0.0005);
    expect(niceStep(240)).toBe(250);
  });

  it('are whole numbers of at least 1 on integer axes (no 2.5 calls)', () => {
    expect(niceStep(0.3, true)).toBe(1);
    expect(niceStep(2.1, true)).toBe(5);
    expect(niceStep(21, true)).toBe(25);
  });
});

describe('nice axes', () => {
  it('end at the first tick at or above the maximum (near the data)', () => {
    const axis = niceAxis([1950], { integer: true });
    expect(axis.ticks).toEqual([0, 500, 1000, 1500, 2000]);
    expect(axis.domain).toEqual([0, 2000]);
    expect(niceAxis([2000], { integer: true }).ticks).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceAxis([2001], { integer: true }).domain[1]).toBe(2500);
    expect(niceAxis([104], { integer: true }).ticks).toEqual([0, 25, 50, 75, 100, 125]);
  });

  it('gives a readable axis with no data or only zeros', () => {
    expect(niceAxis([])).toEqual({ domain: [0, 1], ticks: [0, 1], step: 1 });
    expect(niceAxis([0, 0, 0], { integer: true }).ticks).toEqual([0, 1]);
  });

  it('counts below 4 get whole ticks only', () => {
    expect(niceAxis([1], { integer: true }).ticks).toEqual([0, 1]);
    expect(niceAxis([3], { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceAxis([7], { integer: true }).ticks).toEqual([0, 2, 4, 6, 8]);
  });

  it('handles tiny money without binary noise', () => {
    const axis = niceAxis([0.0031]);
    expect(axis.step).toBe(0.001);
    expect(axis.ticks).toEqual([0, 0.001, 0.002, 0.003, 0.004]);
    expect(niceAxis([0.3]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceAxis([12.34]).ticks).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
  });

  it('spans negative values (MRR movements below 0)', () => {
    const axis = niceAxis([-120, 380]);
    expect(axis.ticks[0]).toBeLessThanOrEqual(-120);
    expect(axis.ticks.at(-1)).toBeGreaterThanOrEqual(380);
    expect(axis.ticks).toContain(0);
    expect(axis.ticks).toEqual([-200, 0, 200, 400]);
  });

  it('covers percentages up to 100', () => {
    expect(niceAxis([62.5]).ticks).toEqual([0, 20, 40, 60, 80]);
    expect(niceAxis([100]).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('has about four intervals across many ranges, each tick a multiple of the step', () => {
    for (const max of [0.02, 0.9, 1, 3.3, 9.99, 17, 42, 99, 101, 999, 1001, 12_345, 987_654, 3_000_000_000]) {
      const axis = niceAxis([max]);
      expect(axis.ticks.length, `max ${max}`).toBeGreaterThanOrEqual(3);
      expect(axis.ticks.length, `max ${max}`).toBeLessThanOrEqual(6);
      expect(axis.domain[1]).toBeGreaterThanOrEqual(max);
      // Ends near the data: the top tick is less than one step above the maximum.
      expect(axis.domain[1] - max).toBeLessThan(axis.step);
      for (const tick of axis.ticks) expect(Math.abs(tick / axis.step - Math.round(tick / axis.step))).toBeLessThan(1e-9);
    }
  });
});

describe('tick labels are exact at their precision', () => {
  it('compacts only what the tick really is', () => {
    expect(tickLabel(2000)).toBe('2K');
    expect(tickLabel(1950)).toBe('1.95K');
    expect(tickLabel(2500)).toBe('2.5K');
    expect(tickLabel(1250)).toBe('1.25K');
    expect(tickLabel(1_500_000)).toBe('1.5M');
    expect(tickLabel(3_000_000_000)).toBe('3B');
    expect(tickLabel(999)).toBe('999');
    expect(tickLabel(0)).toBe('0');
  });

  it('formats money, percentages and milliseconds', () => {
    expect(tickLabel(0.5, 'money')).toBe('$0.50');
    expect(tickLabel(0.0005, 'money')).toBe('$0.0005');
    expect(tickLabel(250, 'money')).toBe('$250');
    expect(tickLabel(12_500, 'money')).toBe('$12.5K');
    expect(tickLabel(-250, 'money')).toBe('−$250');
    expect(tickLabel(25, 'percent')).toBe('25%');
    expect(tickLabel(400, 'ms')).toBe('400 ms');
  });

  it('every label of an axis reads back as its tick', () => {
    const parse = (label: string) => {
      const match = /^(−?)\$?([\d.,]+)([KMB]?)/.exec(label)!;
      const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9 }[match[3] as '' | 'K' | 'M' | 'B'];
      return (match[1] ? -1 : 1) * Number(match[2]!.replace(/,/g, '')) * scale;
    };
    for (const max of [0.013, 7.7, 1950, 26_400, 1_234_567]) {
      for (const format of ['count', 'money'] as const) {
        const props = valueAxisProps([max], format);
        for (const tick of props.ticks) expect(parse(props.tickFormatter(tick))).toBeCloseTo(tick, 9);
      }
    }
  });

  it('counts decimals', () => {
    expect(decimalsOf(0.25)).toBe(2);
    expect(decimalsOf(0.0005)).toBe(4);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(2000)).toBe(0);
  });
});
