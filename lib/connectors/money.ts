import { Prisma } from '@/lib/db';

/**
 * Platform money and quantities to our decimal strings (numeric(18,6)), without binary
 * floating point arithmetic: a JSON number is taken by its shortest round-trip text
 * (String(n), which is the payload's own digits for any value a platform writes), then
 * scaled and rounded half-even to 6 places in decimal arithmetic.
 */

const SCALE = 6;

// No platform bills a billion dollars (or minutes, or tokens) on one line: a larger value
// is garbage, read as "not a number", and it keeps cost × markup and the rollups' sums
// inside numeric(18,6) (the fuzzer found a 1e308 cost ending in a numeric overflow).
const LARGEST = new Prisma.Decimal('1e9');

function decimal(value: number | string): Prisma.Decimal | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const d = new Prisma.Decimal(text);
  return d.abs().gte(LARGEST) ? null : d;
}

function fixed(d: Prisma.Decimal): string {
  return d.toDecimalPlaces(SCALE, Prisma.Decimal.ROUND_HALF_EVEN).toFixed(SCALE);
}

/** USD given in dollars (Vapi, Bland) → "0.123457". Null when not a number. */
export function usdFromDollars(value: unknown): string | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  const d = decimal(value);
  return d ? fixed(d) : null;
}

/** USD given in cents (Retell: `combined_cost: 12.5` is $0.125) → "0.125000". */
export function usdFromCents(value: unknown): string | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  const d = decimal(value);
  return d ? fixed(d.div(100)) : null;
}

/** A quantity (minutes, tokens, characters) → decimal string with at most 6 places. */
export function quantity(value: unknown): string | null {
  return usdFromDollars(value);
}

/** seconds / 60 as minutes, 6 places half-even. */
export function minutesFromSeconds(seconds: number | string): string | null {
  const d = decimal(seconds);
  return d ? fixed(d.div(60)) : null;
}

/** Exact sum of decimal strings (for checks and totals). */
export function sumDecimals(values: readonly string[]): string {
  return fixed(values.reduce((acc, v) => acc.plus(v), new Prisma.Decimal(0)));
}
