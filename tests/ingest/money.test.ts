import { describe, expect, it } from 'vitest';
import { billedFromCost, fixed6, MONEY_PATTERN } from '@/lib/ingest/money';

/**
 * docs/METRICS.md, "Ingested data", usage: final_cost without a billed price is
 * cost × the tier's markup, rounded half-even (banker's rounding) to 6 decimal places,
 * computed exactly. Answers worked out by hand (exact product, then the 7th decimal).
 */
describe('billedFromCost', () => {
  it('rounds a tie to the even micro-dollar, down as well as up', () => {
    expect(billedFromCost('0.000005', '1.3000')).toBe('0.000006'); // 0.0000065 → 6 (even), half-up would say 7
    expect(billedFromCost('0.000005', '1.5000')).toBe('0.000008'); // 0.0000075 → 8 (even)
    expect(billedFromCost('0.000015', '1.5000')).toBe('0.000022'); // 0.0000225 → 22 (even), half-up 23
    expect(billedFromCost('0.000035', '1.1000')).toBe('0.000038'); // 0.0000385 → 38 (even), half-up 39
    expect(billedFromCost('0.000001', '0.5000')).toBe('0.000000'); // 0.0000005 → 0 (even)
    expect(billedFromCost('0.000003', '0.5000')).toBe('0.000002'); // 0.0000015 → 2 (even)
  });

  it('rounds a non-tie to the nearest micro-dollar', () => {
    expect(billedFromCost('0.0000051', '1.5')).toBe('0.000008'); // 0.00000765 → 8
    expect(billedFromCost('0.000009', '1.1')).toBe('0.000010'); // 0.0000099 → 10
    expect(billedFromCost('0.000009', '1.01')).toBe('0.000009'); // 0.00000909 → 9
  });

  it('is exact with every digit numeric(18,6) × numeric(8,4) can hold', () => {
    // 980487297567.475965 × 6.7394 = 6607896093226.2475185210 exactly → …247519. With 20
    // significant digits (decimal.js' default) the product would be …2475185, a tie → …247518.
    expect(billedFromCost('980487297567.475965', '6.7394')).toBe('6607896093226.247519');
    expect(billedFromCost('999999999999.999999', '9999.9999')).toBe('9999999899999999.990000');
    expect(billedFromCost('12.5', '1')).toBe('12.500000');
    expect(billedFromCost('0', '1.3')).toBe('0.000000');
  });
});

describe('fixed6', () => {
  it('writes 6 decimal places without losing digits; more than 6 round half-even', () => {
    expect(fixed6('1.5')).toBe('1.500000');
    expect(fixed6('7')).toBe('7.000000');
    expect(fixed6('123456789012.123456')).toBe('123456789012.123456');
    expect(fixed6('0.0000005')).toBe('0.000000');
    expect(fixed6('0.0000015')).toBe('0.000002');
    expect(fixed6('0.0000025')).toBe('0.000002');
  });
});

describe('MONEY_PATTERN', () => {
  it('accepts decimals that fit numeric(18,6) and are not negative', () => {
    for (const ok of ['0', '7', '0.5', '1.123456', '123456789012', '123456789012.123456', '000000000001.000001']) expect(MONEY_PATTERN.test(ok), ok).toBe(true);
  });
  it('refuses more than 12 integer digits or 6 decimals, signs, exponents and anything around the number', () => {
    for (const bad of ['1234567890123', '1.1234567', '-1', '+1', '1e5', '1.', '.5', '', ' 1', '1 ', 'x1', '1x', '1.x', '1,5', '١']) {
      expect(MONEY_PATTERN.test(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
