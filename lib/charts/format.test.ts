import { describe, expect, it } from 'vitest';
import { compareDecimal, formatGeneratedAt, formatHour, formatInstant, formatLocalDate, formatMilliseconds, formatMoney, formatPercent, formatSeconds, humanize, roundDecimal } from './format';

describe('money from decimal strings', () => {
  it('rounds half away from zero on the string, never through float sums', () => {
    expect(roundDecimal('1234.565000', 2)).toBe('1234.57');
    expect(roundDecimal('0.004999', 2)).toBe('0.00');
    expect(roundDecimal('0.005000', 2)).toBe('0.01');
    expect(roundDecimal('999.995000', 2)).toBe('1000.00');
    expect(roundDecimal('-0.004000', 2)).toBe('0.00');
    expect(roundDecimal('-2.345000', 2)).toBe('-2.35');
    expect(roundDecimal('7', 2)).toBe('7.00');
    // 0.1 + 0.2 style float error cannot creep in: the digits are read, not computed.
    expect(roundDecimal('90071992547409.935000', 2)).toBe('90071992547409.94');
  });

  it('formats with currency and grouping', () => {
    expect(formatMoney('1234.560000')).toBe('$1,234.56');
    expect(formatMoney('0.000000')).toBe('$0.00');
    expect(formatMoney('0.005000')).toBe('$0.01');
    expect(formatMoney('not money')).toBe('—');
  });

  it('compares decimals exactly', () => {
    expect(compareDecimal('10.000000', '9.999999')).toBe(1);
    expect(compareDecimal('0.1', '0.100000')).toBe(0);
    expect(compareDecimal('-0.5', '0.1')).toBe(-1);
    expect(compareDecimal('-1.5', '-1.25')).toBe(-1);
    expect(compareDecimal('12345678901234567890.000001', '12345678901234567890.000000')).toBe(1);
  });
});

describe('figures for display', () => {
  it('rounds percentages, durations and latencies for display only', () => {
    expect(formatPercent(87.4567)).toBe('87.5%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatSeconds(45.4)).toBe('45s');
    expect(formatSeconds(125)).toBe('2m 5s');
    expect(formatSeconds(3725)).toBe('1h 2m');
    expect(formatMilliseconds(840.4)).toBe('840 ms');
    expect(formatMilliseconds(1234)).toBe('1.2 s');
  });

  it('reads local dates without a time-zone shift', () => {
    expect(formatLocalDate('2025-03-05')).toBe('Mar 5');
    expect(formatLocalDate('2025-12-31', true)).toBe('Dec 31, 2025');
    expect(formatHour(7)).toBe('07:00');
  });

  it('shows instants on the wall clock of the workspace zone', () => {
    expect(formatInstant('2025-03-30T00:30:00.000Z', 'Asia/Kathmandu')).toBe('Mar 30, 06:15');
    expect(formatGeneratedAt(new Date('2026-12-02T05:11:59Z'))).toBe('Dec 2, 2026, 05:11 UTC');
  });

  it('humanizes enum values', () => {
    expect(humanize('no_answer')).toBe('No answer');
  });
});

describe('durations: one format everywhere', () => {
  it('writes whole seconds as "45s", "2m 40s", "1h 2m"', () => {
    expect(formatSeconds(0)).toBe('0s');
    expect(formatSeconds(0.4)).toBe('0s');
    expect(formatSeconds(59)).toBe('59s');
    expect(formatSeconds(59.5)).toBe('1m 0s');
    expect(formatSeconds(60)).toBe('1m 0s');
    expect(formatSeconds(160)).toBe('2m 40s');
    expect(formatSeconds(3599)).toBe('59m 59s');
    expect(formatSeconds(3600)).toBe('1h 0m');
    expect(formatSeconds(3720)).toBe('1h 2m');
    expect(formatSeconds(90_061)).toBe('25h 1m');
  });

  it('says "—" when there is no duration', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });
});
