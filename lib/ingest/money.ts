import { Prisma } from '@/lib/db';

/** Enough digits that numeric(18,6) × numeric(8,4) is exact before the one rounding. */
const Exact = Prisma.Decimal.clone({ precision: 60, rounding: Prisma.Decimal.ROUND_HALF_EVEN });

/** A decimal string that fits numeric(18,6): at most 12 integer digits and 6 decimals, not negative. */
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;

/**
 * What the workspace is billed for a usage line without an explicit billed price:
 * provider cost × the tier's markup, rounded half-even (banker's rounding) to 6 decimal
 * places (docs/METRICS.md, "Ingested data"). Exact decimal arithmetic, never floats.
 */
export function billedFromCost(cost: string, markup: string): string {
  return new Exact(cost).mul(new Exact(markup)).toDecimalPlaces(6, Exact.ROUND_HALF_EVEN).toFixed(6);
}

/** A decimal string normalised to 6 places ("1.5" → "1.500000"). */
export function fixed6(value: string): string {
  return new Exact(value).toFixed(6);
}

/** The exact sum of decimal strings, to 6 places (each already has at most 6). */
export function sumMoney(values: readonly string[]): string {
  return values.reduce((sum, value) => sum.add(new Exact(value)), new Exact(0)).toFixed(6);
}
