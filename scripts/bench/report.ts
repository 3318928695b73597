import type { BenchResult } from './types';

/** A plain-text table: p50/p95 of ours and of the seed SQL, the ratio seed/ours of p95, and a note. */
export function formatResults(title: string, results: BenchResult[]): string {
  const rows = [
    ['function', 'range', 'p50 ms', 'p95 ms', 'seed p50', 'seed p95', 'seed/ours', 'note'],
    ...results.map((r) => [
      r.name,
      r.range,
      r.ours.p50.toFixed(1),
      r.ours.p95.toFixed(1),
      r.seed ? r.seed.p50.toFixed(1) : '-',
      r.seed ? r.seed.p95.toFixed(1) : '-',
      r.seed ? `${(r.seed.p95 / r.ours.p95).toFixed(0)}x` : '-',
      r.note ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [`\n## ${title}`, line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
