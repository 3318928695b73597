import { Prisma } from '@/lib/db';
import { percent, sentimentShares, type SentimentShares } from './series';
import { TERMINAL } from './sql';

/**
 * The standard per-call aggregates of METRICS.md, as one SELECT list over calls `c`,
 * so that every widget computes "success rate" or "avg duration" the same way.
 */
export const CALL_AGGREGATES = Prisma.sql`
  count(*)::int AS total,
  (count(*) FILTER (WHERE c.status = 'completed'))::int AS completed,
  (count(*) FILTER (WHERE c.status = 'failed'))::int AS failed,
  (count(*) FILTER (WHERE c.status IN ${TERMINAL}))::int AS terminal,
  coalesce(avg(c.duration_seconds), 0)::float8 AS avg_duration,
  coalesce(sum(c.duration_seconds), 0)::float8 AS total_seconds,
  coalesce(avg(c.avg_response_ms), 0)::float8 AS avg_response,
  count(c.duration_seconds)::int AS timed,
  count(c.avg_response_ms)::int AS responses,
  (count(*) FILTER (WHERE c.sentiment = 'positive'))::int AS positive,
  (count(*) FILTER (WHERE c.sentiment = 'neutral'))::int AS neutral,
  (count(*) FILTER (WHERE c.sentiment = 'negative'))::int AS negative`;

export type CallAggregateRow = {
  total: number;
  completed: number;
  failed: number;
  terminal: number;
  avg_duration: number;
  total_seconds: number;
  avg_response: number;
  /** Calls with a duration / with a response time: whether the means have data at all. */
  timed: number;
  responses: number;
  positive: number;
  neutral: number;
  negative: number;
};

export type CallFigures = {
  total: number;
  completed: number;
  failed: number;
  /** Calls that ended (completed, failed, no_answer, busy, canceled). */
  terminal: number;
  /** 100 × completed / terminal. */
  successRate: number;
  /** Seconds, mean over calls with a duration. */
  avgDuration: number;
  totalMinutes: number;
  /** Milliseconds, mean over calls with a response time. */
  avgResponseTime: number;
  sentiment: SentimentShares;
  /** How many calls each rate or mean is over; 0 means the figure has no data (the UI shows "—"). */
  counts: FigureCounts;
};

export type FigureCounts = { terminal: number; withDuration: number; withResponseTime: number };

export const EMPTY_CALL_ROW: CallAggregateRow = {
  total: 0, completed: 0, failed: 0, terminal: 0, avg_duration: 0, total_seconds: 0, avg_response: 0, timed: 0, responses: 0, positive: 0, neutral: 0, negative: 0,
};

export function callFigures(row: CallAggregateRow = EMPTY_CALL_ROW): CallFigures {
  return {
    total: row.total,
    completed: row.completed,
    failed: row.failed,
    terminal: row.terminal,
    successRate: percent(row.completed, row.terminal),
    avgDuration: row.avg_duration,
    totalMinutes: row.total_seconds / 60,
    avgResponseTime: row.avg_response,
    sentiment: sentimentShares(row.positive, row.neutral, row.negative),
    counts: { terminal: row.terminal, withDuration: row.timed ?? 0, withResponseTime: row.responses ?? 0 },
  };
}
