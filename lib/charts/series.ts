import { agentDisplayName } from '@/lib/agents/label';
import type { AgentLeaderboardRow, AgentPerformance, CallAnalytics, CallBreakdownRow, CallDirection, CallStatus, SentimentShares } from '@/lib/analytics';
import { providerName } from '@/lib/providers/brands';
import { compareDecimal, formatCount, formatHour, formatMoney, formatPercent, humanize } from './format';

/**
 * Prepare, then draw (STYLE.md §7): these pure functions turn analytics results into the
 * points a chart and its table fallback render. Charts never compute anything themselves.
 */
export type ChartPoint = {
  /** Stable React key and the value of the category on the x (or y) axis. */
  key: string;
  label: string;
  /** The bar's length; for money a float made from the decimal string, for drawing only. */
  value: number;
  /** The figure as shown in tooltips and the table. */
  display: string;
  /** When set, choosing this point narrows the page to it (e.g. an agent id or a status). */
  filter?: string;
  highlighted?: boolean;
  /**
   * The bucket is not a whole one (a range starting mid-day, today so far) or not final
   * (a draft billing period): drawn hatched, and said in the tooltip and the table.
   */
  partial?: string;
  /** Good / neutral / bad figures (sentiment) draw in the tone colours, wherever they are charted. */
  tone?: 'good' | 'neutral' | 'bad';
};

/** Exactly 24 local hours, 0..23, zero-filled whatever the input holds. */
export function hourPoints(callsByHour: CallAnalytics['callsByHour'], selectedHour: number | null = null): ChartPoint[] {
  const counts = new Map(callsByHour.map((bucket) => [bucket.hour, bucket.count]));
  return Array.from({ length: 24 }, (_, hour) => {
    const count = counts.get(hour) ?? 0;
    return { key: String(hour), label: formatHour(hour), value: count, display: formatCount(count), filter: String(hour), highlighted: selectedHour === hour };
  });
}

/** A leaderboard row's name, as agents are named everywhere (lib/agents/label.ts). */
export function agentLabel(row: Pick<AgentLeaderboardRow, 'agentId' | 'agentName' | 'agentDeleted'>): string {
  return agentDisplayName(row);
}

export type LeaderboardRow = {
  key: string;
  agentId: string | null;
  name: string;
  calls: string;
  successRate: string;
  minutes: number;
  cost: string;
};

/** Leaderboard bars (calls per agent), in the analytics order (calls desc, name asc), capped at `limit`. */
export function leaderboardPoints(rows: AgentLeaderboardRow[], limit = 10, selectedAgentId: string | null = null): ChartPoint[] {
  return rows.slice(0, limit).map((row) => ({
    key: row.agentId ?? 'none',
    label: agentLabel(row),
    value: row.count,
    display: formatCount(row.count),
    ...(row.agentId ? { filter: row.agentId } : {}),
    highlighted: selectedAgentId !== null && row.agentId === selectedAgentId,
  }));
}

const SENTIMENT_ORDER = ['positive', 'neutral', 'negative'] as const satisfies readonly (keyof SentimentShares)[];
export const SENTIMENT_TONES = { positive: 'good', neutral: 'neutral', negative: 'bad' } as const satisfies Record<keyof SentimentShares, ChartPoint['tone']>;

export function sentimentPoints(shares: SentimentShares, selected: string | null = null): ChartPoint[] {
  return SENTIMENT_ORDER.map((sentiment) => ({
    key: sentiment,
    label: humanize(sentiment),
    value: shares[sentiment],
    display: formatPercent(shares[sentiment]),
    filter: sentiment,
    tone: SENTIMENT_TONES[sentiment],
    highlighted: sentiment === selected,
  }));
}

/** True when no call in the range had a sentiment (all shares are 0 by definition). */
export function hasSentiment(shares: SentimentShares): boolean {
  return SENTIMENT_ORDER.some((sentiment) => shares[sentiment] > 0);
}

/** Billed cost per provider, largest first (compared as exact decimals), ties by name. */
export function providerCostPoints(byProvider: Record<string, string>): ChartPoint[] {
  return Object.entries(byProvider)
    .sort(([a, x], [b, y]) => compareDecimal(y, x) || a.localeCompare(b))
    .map(([provider, cost]) => ({ key: provider, label: providerName(provider), value: Number(cost), display: formatMoney(cost), filter: provider }));
}

/** Calls per sentiment (fixed order, tone colours; calls without one last, not choosable). */
export function sentimentCallPoints(rows: CallBreakdownRow[], selected: string | null = null): ChartPoint[] {
  const counts = new Map(rows.map((row) => [row.value, row.calls]));
  const points: ChartPoint[] = SENTIMENT_ORDER.map((sentiment) => ({
    key: sentiment,
    label: humanize(sentiment),
    value: counts.get(sentiment) ?? 0,
    display: formatCount(counts.get(sentiment) ?? 0),
    filter: sentiment,
    tone: SENTIMENT_TONES[sentiment],
    highlighted: sentiment === selected,
  }));
  const none = counts.get(null) ?? 0;
  return none > 0 ? [...points, { key: 'none', label: 'No sentiment', value: none, display: formatCount(none) }] : points;
}

/** Calls per voice provider, brand names, most calls first; calls without a provider last, not choosable. */
export function providerCallPoints(rows: CallBreakdownRow[], selected: string | null = null): ChartPoint[] {
  return rows.map((row) => ({
    key: row.value ?? 'none',
    label: providerName(row.value),
    value: row.calls,
    display: formatCount(row.calls),
    ...(row.value === null ? {} : { filter: row.value, highlighted: row.value === selected }),
  }));
}

const STATUS_LABELS = {
  completed: 'Completed',
  failed: 'Failed',
  no_answer: 'No answer',
  busy: 'Busy',
  canceled: 'Canceled',
  in_progress: 'In progress',
  ringing: 'Ringing',
  queued: 'Queued',
} as const satisfies Record<CallStatus, string>;

/** Calls per status in a fixed order (terminal first); statuses with no calls are left out. */
export function statusPoints(callsByStatus: Record<CallStatus, number>, selected: string | null = null): ChartPoint[] {
  return (Object.keys(STATUS_LABELS) as CallStatus[])
    .filter((status) => (callsByStatus[status] ?? 0) > 0)
    .map((status) => ({ key: status, label: STATUS_LABELS[status], value: callsByStatus[status], display: formatCount(callsByStatus[status]), filter: status, highlighted: status === selected }));
}

const DIRECTION_LABELS = { inbound: 'Inbound', outbound: 'Outbound' } as const satisfies Record<CallDirection, string>;

export function directionPoints(callsByDirection: Record<CallDirection, number>, selected: string | null = null): ChartPoint[] {
  return (Object.keys(DIRECTION_LABELS) as CallDirection[]).map((direction) => ({
    key: direction,
    label: DIRECTION_LABELS[direction],
    value: callsByDirection[direction] ?? 0,
    display: formatCount(callsByDirection[direction] ?? 0),
    filter: direction,
    highlighted: direction === selected,
  }));
}

export function intentPoints(topIntents: AgentPerformance['topIntents']): ChartPoint[] {
  return topIntents.map((row) => ({ key: row.intent, label: humanize(row.intent), value: row.count, display: formatCount(row.count) }));
}

/** True when every point is 0 (an empty chart gets an empty state instead of flat bars). */
export function isAllZero(points: ChartPoint[]): boolean {
  return points.every((point) => point.value === 0);
}

/** A one-sentence description of a chart for its accessible name. */
export function describePoints(title: string, points: ChartPoint[]): string {
  if (points.length === 0 || isAllZero(points)) return `${title}: no data`;
  const top = points.reduce((best, point) => (point.value > best.value ? point : best));
  return `${title}: ${points.length} ${points.length === 1 ? 'value' : 'values'}, highest ${top.label} (${top.display})`;
}
