/** Runs `fn` a few times to warm caches, then `runs` times; returns p50/p95 in milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** Nearest-rank quantile: with 20 runs, p95 is the 19th fastest. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
