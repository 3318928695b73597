/**
 * "Nice" value axes that never lie (issue 15 #7). Steps are 1, 2, 2.5 or 5 × 10ⁿ; the
 * axis ends at the first tick at or above the data's maximum (so it ends near the data),
 * and every label is exactly its tick's value at the precision shown: 1,950 is never
 * printed as "2K"; "2K" appears only on a tick that is 2,000.
 */

export type AxisFormat = 'count' | 'money' | 'percent' | 'ms';

export type NiceAxis = {
  /** [lowest tick, highest tick]: what recharts' `domain` takes. */
  domain: [number, number];
  ticks: number[];
  step: number;
};

const MANTISSAS = [1, 2, 2.5, 5, 10] as const;

/**
 * Ticks covering [min(values, 0), max(values, 0)] with about `target` intervals.
 * `integer`: counts, whose ticks must be whole numbers (no 2.5, step ≥ 1).
 */
export function niceAxis(values: readonly number[], { target = 4, integer = false }: { target?: number; integer?: boolean } = {}): NiceAxis {
  const finite = values.filter((value) => Number.isFinite(value));
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  // Nothing to scale (no data, or all zero): one unit above 0, so the axis still reads.
  if (low === high) return { domain: [0, 1], ticks: [0, 1], step: 1 };
  // The smallest step on the 1-2-2.5-5 ladder that covers the data in at most target + 1
  // intervals: 2,001 calls get 0–2,500 in 500s, not 0–3,000 in 1,000s.
  let step = niceStep((high - low) / (target + 1), integer);
  while (Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9) > target + 1) step = niceStep(step * 1.000001, integer);
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step, step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, step };
}

/** The smallest 1-2-2.5-5 step ≥ `raw` (integer axes skip 2.5 below 10 and never go under 1). */
export function niceStep(raw: number, integer = false): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const mantissa of MANTISSAS) {
    const step = clean(mantissa * power, power / 10);
    if (integer && (step < 1 || !Number.isInteger(step))) continue;
    if (step >= raw * (1 - 1e-9)) return step;
  }
  return clean(10 * power, power);
}

/** Removes binary noise (0.1 × 3 = 0.30000000000000004) at a precision finer than `step`. */
function clean(value: number, step: number): number {
  const places = Math.max(0, decimalsOf(step) + 2);
  return Number(value.toFixed(Math.min(places, 20)));
}

/** How many decimals `value` needs to be written exactly (for the numbers ticks are made of). */
export function decimalsOf(value: number): number {
  const text = Number(Math.abs(value).toPrecision(12)).toString();
  if (text.includes('e-')) {
    const [mantissa, exponent] = text.split('e-');
    return Number(exponent) + (mantissa!.split('.')[1]?.length ?? 0);
  }
  return text.split('.')[1]?.length ?? 0;
}

const UNITS = [
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
] as const;

/**
 * A tick's label, exact at its precision: compact ("2K", "2.5K", "1.25M") only with as many
 * decimals as the value needs, so a compact label is always the tick's value itself.
 * Money below $1,000 with a fractional step keeps cents ("$0.50").
 */
export function tickLabel(value: number, format: AxisFormat = 'count'): string {
  const magnitude = Math.abs(value);
  const unit = UNITS.find((candidate) => magnitude >= candidate.size);
  const scaled = unit ? value / unit.size : value;
  const decimals = decimalsOf(clean(scaled, 1e-6));
  const minimum = format === 'money' && !unit && decimals > 0 ? 2 : 0;
  const digits = new Intl.NumberFormat('en-US', { minimumFractionDigits: Math.max(minimum, Math.min(decimals, 6)), maximumFractionDigits: Math.max(minimum, Math.min(decimals, 6)) }).format(Math.abs(scaled));
  const sign = value < 0 ? '−' : '';
  const body = `${digits}${unit?.suffix ?? ''}`;
  if (format === 'money') return `${sign}$${body}`;
  if (format === 'percent') return `${sign}${body}%`;
  if (format === 'ms') return `${sign}${body} ms`;
  return `${sign}${body}`;
}

/** The props a recharts value axis takes: nice ticks from the drawn values, exact labels. */
export function valueAxisProps(values: readonly number[], format: AxisFormat = 'count') {
  const axis = niceAxis(values, { integer: format === 'count' });
  return { domain: axis.domain, ticks: axis.ticks, interval: 0 as const, allowDecimals: format !== 'count', tickFormatter: (value: number) => tickLabel(value, format) };
}
