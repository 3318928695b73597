import { Prisma, type Db } from '@/lib/db';

/** The usage type whose quantity (in minutes) the tier's included minutes credit (METRICS.md). */
export const TELEPHONY_USAGE_TYPE = 'telephony_minutes';

const UNITS: Record<string, string> = {
  telephony_minutes: 'min',
  stt_seconds: 's',
  llm_tokens: 'tokens',
  tts_characters: 'chars',
};

export function usageUnit(usageType: string): string {
  return UNITS[usageType] ?? usageType;
}

export type UsageLine = { provider: string; usageType: string; quantity: Prisma.Decimal; amount: Prisma.Decimal };

/** One month's billed usage, before and after the included-minutes credit. */
export type MonthUsage = {
  lines: UsageLine[];
  gross: Prisma.Decimal;
  /** Telephony minutes credited (at most the tier's included minutes). */
  creditMinutes: Prisma.Decimal;
  /** The credit as a positive amount; the invoice shows it negated. */
  credit: Prisma.Decimal;
  /** gross - credit: the period's usage_amount. */
  net: Prisma.Decimal;
};

const BUCKET_MS = 15 * 60_000;
const ZERO = new Prisma.Decimal(0);

type Range = { start: Date; end: Date };

/**
 * Billed usage of a workspace for each of the given local months: `final_cost` summed by
 * provider and usage type, less the first `includedMinutes` telephony minutes in
 * `created_at` order (the record straddling the last included minute credited pro rata).
 * Reads the 15-minute usage rollup (local midnights fall on quarter hours in every zone in
 * use), and only the one bucket per month where the credit ends from usage_records.
 */
export async function computeMonthUsage(db: Db, workspaceId: string, months: Range[], includedMinutes: number): Promise<Map<number, MonthUsage>> {
  const result = new Map<number, MonthUsage>();
  if (months.length === 0) return result;
  for (const m of months) {
    if (m.start.getTime() % BUCKET_MS !== 0 || m.end.getTime() % BUCKET_MS !== 0) {
      throw new Error(`billing period ${m.start.toISOString()} does not start on a quarter hour; the usage rollup cannot bill it`);
    }
    result.set(m.start.getTime(), { lines: [], gross: ZERO, creditMinutes: ZERO, credit: ZERO, net: ZERO });
  }
  const values = Prisma.join(months.map((m) => Prisma.sql`(${m.start}::timestamptz, ${m.end}::timestamptz)`));

  const lines = await db.$queryRaw<{ s: Date; provider: string; usageType: string; quantity: string; amount: string }[]>`
    SELECT m.s, r.provider, r.usage_type AS "usageType", sum(r.quantity)::text AS quantity, sum(r.final_cost)::text AS amount
    FROM (VALUES ${values}) AS m(s, e)
    JOIN usage_rollups r ON r.workspace_id = ${workspaceId}::uuid AND r.bucket_start >= m.s AND r.bucket_start < m.e
    GROUP BY m.s, r.provider, r.usage_type
    ORDER BY m.s, r.provider, r.usage_type`;
  for (const row of lines) {
    const month = result.get(new Date(row.s).getTime())!;
    const amount = new Prisma.Decimal(row.amount);
    month.lines.push({ provider: row.provider, usageType: row.usageType, quantity: new Prisma.Decimal(row.quantity), amount });
    month.gross = month.gross.plus(amount);
  }

  if (includedMinutes > 0) {
    const n = includedMinutes;
    const credits = await db.$queryRaw<{ s: Date; fullCredit: string; fullMinutes: string; crossing: Date | null; crossingBefore: string | null }[]>`
      WITH b AS (
        SELECT m.s, r.bucket_start, sum(r.quantity) AS q, sum(r.final_cost) AS c
        FROM (VALUES ${values}) AS m(s, e)
        JOIN usage_rollups r ON r.workspace_id = ${workspaceId}::uuid AND r.usage_type = ${TELEPHONY_USAGE_TYPE}
          AND r.bucket_start >= m.s AND r.bucket_start < m.e
        GROUP BY m.s, r.bucket_start
      ), cum AS (
        SELECT s, bucket_start, q, c,
               coalesce(sum(q) OVER (PARTITION BY s ORDER BY bucket_start ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
        FROM b
      )
      SELECT s,
             coalesce(sum(c) FILTER (WHERE before + q <= ${n}), 0)::text AS "fullCredit",
             coalesce(sum(q) FILTER (WHERE before + q <= ${n}), 0)::text AS "fullMinutes",
             min(bucket_start) FILTER (WHERE before <= ${n} AND before + q > ${n}) AS crossing,
             (min(before) FILTER (WHERE before <= ${n} AND before + q > ${n}))::text AS "crossingBefore"
      FROM cum
      GROUP BY s`;
    // The records of every bucket where a month's credit ends, in one query.
    // Stryker disable next-line MethodExpression: unfiltered, a month without a crossing asks for records of a 1970 bucket (none) and never reads them
    const crossings = credits.filter((row) => row.crossing);
    const byMonth = new Map<number, { quantity: string; finalCost: string }[]>();
    if (crossings.length) {
      const buckets = Prisma.join(crossings.map((row) => Prisma.sql`(${new Date(row.s)}::timestamptz, ${new Date(row.crossing!)}::timestamptz)`));
      const records = await db.$queryRaw<{ s: Date; quantity: string; finalCost: string }[]>`
        SELECT c.s, u.quantity::text AS quantity, u.final_cost::text AS "finalCost"
        FROM (VALUES ${buckets}) AS c(s, b)
        JOIN usage_records u ON u.workspace_id = ${workspaceId}::uuid AND u.usage_type = ${TELEPHONY_USAGE_TYPE}
          AND u.created_at >= c.b AND u.created_at < c.b + interval '15 minutes'
        ORDER BY c.s, u.created_at, u.id`;
      for (const record of records) {
        const key = new Date(record.s).getTime();
        if (!byMonth.has(key)) byMonth.set(key, []);
        byMonth.get(key)!.push(record);
      }
    }
    for (const row of credits) {
      const key = new Date(row.s).getTime();
      const month = result.get(key)!;
      let credit = new Prisma.Decimal(row.fullCredit);
      let minutes = new Prisma.Decimal(row.fullMinutes);
      if (row.crossing) {
        let remaining = new Prisma.Decimal(n).minus(row.crossingBefore!);
        for (const record of byMonth.get(key) ?? []) {
          const quantity = new Prisma.Decimal(record.quantity);
          const cost = new Prisma.Decimal(record.finalCost);
          // In full while the minutes up to and including the record stay within N; so a
          // zero-minute record right where the N-th minute ends is credited, as it is when
          // it falls in a bucket of its own (the fullCredit sum above).
          if (quantity.lte(remaining)) {
            credit = credit.plus(cost);
            minutes = minutes.plus(quantity);
            remaining = remaining.minus(quantity);
            continue;
          }
          // The straddling record: its cost pro rata to the minutes still included; none after it.
          credit = credit.plus(cost.times(remaining).dividedBy(quantity).toDecimalPlaces(6, Prisma.Decimal.ROUND_HALF_UP));
          minutes = minutes.plus(remaining);
          break;
        }
      }
      month.credit = credit;
      month.creditMinutes = minutes;
    }
  }
  for (const month of result.values()) month.net = month.gross.minus(month.credit);
  return result;
}
