import type { Connection, Db } from '@/lib/db';

/** What every bench section receives: an open, seeded PostgreSQL database. */
export type BenchContext = {
  db: Db;
  connection: Connection;
  /** Number of calls the dataset was seeded with. */
  calls: number;
  /** The instant the dataset ends at (its "now"). */
  now: Date;
  runs: number;
  /** `--match`: only the analytics cases whose name (e.g. "getCallAnalytics provider") it matches. */
  match?: RegExp;
  log(message: string): void;
};

/** One measured line of the report. `seed` is the seed SQL on the same data, when there is one. */
export type BenchResult = {
  name: string;
  range: string;
  ours: { p50: number; p95: number };
  seed?: { p50: number; p95: number };
  note?: string;
};

export type BenchSection = {
  title: string;
  /** The section makes its own database: the seeded analytics dataset is not opened for it alone. */
  ownDatabase?: boolean;
  run(context: BenchContext): Promise<BenchResult[]>;
};
