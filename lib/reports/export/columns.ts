import { tzOffset } from '@date-fns/tz';

/**
 * The export's row (METRICS.md "Export"): one per call, the same fields in CSV and JSON.
 * Instants are ISO 8601 with the workspace's UTC offset at that instant
 * (`2026-03-08T01:59:59-05:00`); milliseconds appear only when they are not zero.
 */
export const EXPORT_COLUMNS = [
  'call_id',
  'agent_id',
  'agent_name',
  'caller',
  'direction',
  'status',
  'duration_seconds',
  'cost',
  'currency',
  'sentiment',
  'provider',
  'started_at',
  'ended_at',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export type ExportRow = {
  call_id: string;
  agent_id: string | null;
  /** The agent's name, also when the agent was deleted since (its calls stay). */
  agent_name: string | null;
  caller: string | null;
  direction: string;
  status: string;
  duration_seconds: number | null;
  /** Billed cost of the call, exact decimal string ("1.250000"). */
  cost: string;
  /** ISO 4217 code of `cost`: every amount on the platform is in US dollars. */
  currency: string;
  sentiment: string | null;
  provider: string | null;
  started_at: string;
  ended_at: string | null;
};

// Stryker disable next-line ArithmeticOperator: the cache's bucket width; any width caches correctly (a bucket whose ends disagree is computed per instant)
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Formats instants in one zone. Offsets change only at transitions, which fall on quarter
 * hours in every modern zone, so the offset is looked up once per quarter hour (exports
 * are ordered by time, so nearly every row hits the cache); a quarter hour whose two ends
 * disagree (a transition inside it, e.g. historic LMT) is computed per instant.
 */
export function instantFormatter(timeZone: string): (epochMs: number) => string {
  const offsets = new Map<number, number | null>();
  const offsetAt = (ms: number) => tzOffset(timeZone, new Date(ms));
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = offsets.get(bucket);
    // The cache only saves lookups: a bucket not cached, or cached as null, is looked up per
    // instant below, so skipping, repeating or clearing the cache changes no output.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: whether the bucket is cached again changes no output (see above)
    if (offset === undefined) {
      // Stryker disable next-line ArithmeticOperator: probing elsewhere makes the ends disagree, so the bucket is computed per instant: same output
      const start = offsetAt(bucket * QUARTER_HOUR_MS);
      // Stryker disable next-line ArithmeticOperator: as above, for the bucket's other end
      const next = (bucket + 1) * QUARTER_HOUR_MS;
      // Stryker disable next-line ArithmeticOperator: probing the next bucket's first ms + 1 instead of this bucket's last also sees any one transition inside this bucket
      const end = offsetAt(next - 1);
      // Stryker disable next-line ConditionalExpression: never caching (null) computes every instant: same output
      offset = start === end ? start : null;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: clearing the cache earlier, later or never changes no output, only memory
      if (offsets.size > 4096) offsets.clear();
      offsets.set(bucket, offset);
    }
    return formatWithOffset(ms, offset ?? offsetAt(ms));
  };
}

/** `offsetMinutes` east of UTC. */
export function formatWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const millis = local.slice(19, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, 19)}${millis === '.000' ? '' : millis}${sign}${hh}:${mm}`;
}
