/** Exact sums of 6-place decimal strings, for comparing money without floating point. */
export function sumMoney(values: Iterable<string>): string {
  let total = 0n;
  for (const value of values) {
    const [int, frac = ''] = value.replace(/^-/, '').split('.');
    const micros = BigInt(int!) * 1_000_000n + BigInt((frac + '000000').slice(0, 6));
    total += value.startsWith('-') ? -micros : micros;
  }
  const sign = total < 0n ? '-' : '';
  const abs = total < 0n ? -total : total;
  return `${sign}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
}
