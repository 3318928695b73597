import { NO_AGENT } from '@/lib/db/rollups';
import { csvField } from './bulk-load';
import { microsToDecimal } from './calls';

/**
 * The rollups of lib/db/rollups.ts, summed by the seed while it generates the rows they
 * summarise, and loaded with COPY like the rows themselves. At 1,000 workspaces a
 * rollup is nearly as long as its raw table (few calls share a workspace's quarter hour),
 * so rebuilding them with one GROUP BY each after the load hashed and sorted tens of
 * millions of numeric rows in the server, the one busy core of the seed (342 s of 805 s
 * at 10M calls), while the generator's core had time to spare. Money and quantities are
 * summed as integers (micro-dollars, whole units) and so are exact; the seed's tests
 * check every rollup against the aggregation of its raw table (verifyRollups), on both
 * engines, so this code and the rollups' definitions cannot drift apart unnoticed.
 */

const BUCKET_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
// Every grid starts at 2000-01-01 00:00 UTC (the rollups' date_bin origin), an instant on
// every grid's line in epoch milliseconds too, so flooring epoch milliseconds is date_bin.
const floorTo = (ms: number, width: number) => Math.floor(ms / width) * width;

const STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'] as const;
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

export type RollupCall = {
  workspaceId: string;
  agentId: string | null;
  startedMs: number;
  status: string;
  direction: string;
  durationSeconds: number | null;
  responseMs: number | null;
  sentiment: string | null;
  provider: string | null;
  intent: string | null;
  costMicros: number;
};

export type RollupUsage = {
  workspaceId: string;
  provider: string;
  usageType: string;
  createdMs: number;
  quantity: number;
  costMicros: number;
  finalMicros: number;
};

type UsageSums = { records: number; quantity: number; total: number; final: number };
type CallSums = {
  calls: number;
  statuses: number[];
  inbound: number;
  outbound: number;
  durationSum: number;
  durationCount: number;
  durationMax: number | null;
  durationMin: number | null;
  responseSum: number;
  responseCount: number;
  sentiments: number[];
  cost: number;
};

/** Rows to COPY: table → column names and CSV lines. */
export type RollupLines = Map<string, { columns: readonly string[]; lines: string[] }>;

const COLUMNS = {
  usage_rollups: ['workspace_id', 'bucket_start', 'provider', 'usage_type', 'record_count', 'quantity', 'total_cost', 'final_cost'],
  usage_hour_rollups: ['workspace_id', 'hour_start', 'provider', 'usage_type', 'record_count', 'quantity', 'total_cost', 'final_cost'],
  platform_usage_rollups: ['day', 'provider', 'record_count', 'total_cost', 'final_cost'],
  call_rollups: [
    'workspace_id', 'day', 'agent_key', 'calls', ...STATUSES, 'inbound', 'outbound', 'duration_sum', 'duration_count',
    'duration_max', 'duration_min', 'response_sum', 'response_count', ...SENTIMENTS, 'cost',
  ],
  call_bucket_rollups: ['workspace_id', 'bucket_start', 'calls'],
  call_agent_bucket_rollups: ['workspace_id', 'agent_key', 'bucket_start', 'calls'],
  call_intent_rollups: ['workspace_id', 'day', 'agent_key', 'intent', 'calls'],
  platform_call_rollups: ['day', 'provider', 'status', 'calls'],
} as const;
export type SeedRollupTable = keyof typeof COLUMNS;
export const SEED_ROLLUP_COLUMNS: Record<SeedRollupTable, readonly string[]> = COLUMNS;

/** Sums keyed by the rollup's key columns, joined by a character no key can hold. */
class Sums<T> {
  private readonly rows = new Map<string, { key: (string | number)[]; sums: T }>();
  constructor(private readonly empty: () => T) {}
  at(key: (string | number)[]): T {
    const id = key.join('\u0000');
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { key, sums: this.empty() }));
    return row.sums;
  }
  /** Rows in key order (numbers by value, strings by code unit), then forgotten. */
  take(): { key: (string | number)[]; sums: T }[] {
    const rows = [...this.rows.values()].sort((a, b) => compareKeys(a.key, b.key));
    this.rows.clear();
    return rows;
  }
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

const iso = (ms: number) => new Date(ms).toISOString();
const line = (fields: (string | number | null)[]) => fields.map((f) => csvField(f)).join(',');

export class SeedRollups {
  private readonly usage = new Sums<UsageSums>(() => ({ records: 0, quantity: 0, total: 0, final: 0 }));
  private readonly usageHours = new Sums<UsageSums>(() => ({ records: 0, quantity: 0, total: 0, final: 0 }));
  private readonly platformUsage = new Sums<UsageSums>(() => ({ records: 0, quantity: 0, total: 0, final: 0 }));
  private readonly calls = new Sums<CallSums>(() => ({
    calls: 0, statuses: STATUSES.map(() => 0), inbound: 0, outbound: 0, durationSum: 0, durationCount: 0, durationMax: null,
    durationMin: null, responseSum: 0, responseCount: 0, sentiments: SENTIMENTS.map(() => 0), cost: 0,
  }));
  private readonly callBuckets = new Sums<{ calls: number }>(() => ({ calls: 0 }));
  private readonly agentBuckets = new Sums<{ calls: number }>(() => ({ calls: 0 }));
  private readonly intents = new Sums<{ calls: number }>(() => ({ calls: 0 }));
  private readonly platformCalls = new Sums<{ calls: number }>(() => ({ calls: 0 }));

  addUsage(u: RollupUsage): void {
    for (const [sums, key] of [
      [this.usage, [u.workspaceId, floorTo(u.createdMs, BUCKET_MS), u.provider, u.usageType]],
      [this.usageHours, [u.workspaceId, floorTo(u.createdMs, HOUR_MS), u.provider, u.usageType]],
      [this.platformUsage, [floorTo(u.createdMs, DAY_MS), u.provider]],
    ] as const) {
      const s = sums.at([...key]);
      s.records++;
      s.quantity += u.quantity;
      s.total += u.costMicros;
      s.final += u.finalMicros;
    }
  }

  addCall(c: RollupCall): void {
    const day = floorTo(c.startedMs, DAY_MS);
    const bucket = floorTo(c.startedMs, BUCKET_MS);
    const agent = c.agentId ?? NO_AGENT;
    const s = this.calls.at([c.workspaceId, day, agent]);
    s.calls++;
    const status = STATUSES.indexOf(c.status as (typeof STATUSES)[number]);
    if (status >= 0) s.statuses[status]!++;
    if (c.direction === 'inbound') s.inbound++;
    if (c.direction === 'outbound') s.outbound++;
    if (c.durationSeconds !== null) {
      s.durationSum += c.durationSeconds;
      s.durationCount++;
      s.durationMax = s.durationMax === null ? c.durationSeconds : Math.max(s.durationMax, c.durationSeconds);
      s.durationMin = s.durationMin === null ? c.durationSeconds : Math.min(s.durationMin, c.durationSeconds);
    }
    if (c.responseMs !== null) {
      s.responseSum += c.responseMs;
      s.responseCount++;
    }
    const sentiment = SENTIMENTS.indexOf(c.sentiment as (typeof SENTIMENTS)[number]);
    if (sentiment >= 0) s.sentiments[sentiment]!++;
    s.cost += c.costMicros;
    this.callBuckets.at([c.workspaceId, bucket]).calls++;
    this.agentBuckets.at([c.workspaceId, agent, bucket]).calls++;
    if (c.intent !== null) this.intents.at([c.workspaceId, day, agent, c.intent]).calls++;
    this.platformCalls.at([day, c.provider ?? '', c.status]).calls++;
  }

  /** The per-workspace rollups' rows summed so far (call after each workspace: its keys all start with its id). */
  takeWorkspaceRows(): RollupLines {
    const out: RollupLines = new Map();
    const put = (table: SeedRollupTable, lines: string[]) => out.set(table, { columns: COLUMNS[table], lines });
    const usageLine = ([ws, t, provider, type]: (string | number)[], s: UsageSums) =>
      line([ws as string, iso(t as number), provider as string, type as string, s.records, s.quantity, microsToDecimal(s.total), microsToDecimal(s.final)]);
    put('usage_rollups', this.usage.take().map((r) => usageLine(r.key, r.sums)));
    put('usage_hour_rollups', this.usageHours.take().map((r) => usageLine(r.key, r.sums)));
    put('call_rollups', this.calls.take().map(({ key: [ws, day, agent], sums: s }) => line([
      ws as string, iso(day as number), agent as string, s.calls, ...s.statuses, s.inbound, s.outbound, s.durationSum, s.durationCount,
      s.durationMax, s.durationMin, s.responseSum, s.responseCount, ...s.sentiments, microsToDecimal(s.cost),
    ])));
    put('call_bucket_rollups', this.callBuckets.take().map(({ key: [ws, t], sums }) => line([ws as string, iso(t as number), sums.calls])));
    put('call_agent_bucket_rollups', this.agentBuckets.take().map(({ key: [ws, agent, t], sums }) => line([ws as string, agent as string, iso(t as number), sums.calls])));
    put('call_intent_rollups', this.intents.take().map(({ key: [ws, day, agent, intent], sums }) => line([ws as string, iso(day as number), agent as string, intent as string, sums.calls])));
    return out;
  }

  /** The platform rollups' rows (call once, after every workspace). */
  takePlatformRows(): RollupLines {
    return new Map([
      ['platform_usage_rollups', {
        columns: COLUMNS.platform_usage_rollups,
        lines: this.platformUsage.take().map(({ key: [day, provider], sums: s }) => line([iso(day as number), provider as string, s.records, microsToDecimal(s.total), microsToDecimal(s.final)])),
      }],
      ['platform_call_rollups', {
        columns: COLUMNS.platform_call_rollups,
        lines: this.platformCalls.take().map(({ key: [day, provider, status], sums }) => line([iso(day as number), provider as string, status as string, sums.calls])),
      }],
    ]);
  }
}
