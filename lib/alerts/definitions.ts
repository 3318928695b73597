/** Alert rules (METRICS.md "Alerts"): metrics, comparators and bounds, shared by the API, the pages and the job. */

export const WORKSPACE_METRICS = ['failure_rate', 'success_rate', 'negative_sentiment', 'calls', 'billed_cost', 'avg_response_ms', 'cost_change'] as const;
export type WorkspaceMetric = (typeof WORKSPACE_METRICS)[number];
/** Platform rules (platform admins): per voice provider. */
export const PLATFORM_METRICS = ['provider_margin', 'provider_p95_latency'] as const;
export type PlatformMetric = (typeof PLATFORM_METRICS)[number];
export type AlertMetric = WorkspaceMetric | PlatformMetric;

export const COMPARATORS = ['gt', 'gte', 'lt', 'lte'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const MIN_WINDOW_MINUTES = 15;
export const MAX_WINDOW_MINUTES = 24 * 60;
export const DEFAULT_RENOTIFY_MINUTES = 60;
/** How far back cost_change compares: the same window one week earlier. */
export const COST_CHANGE_OFFSET_MS = 7 * 86_400_000;

/** pending: never evaluated; no_data: fewer calls than min_calls (neither ok nor firing). */
export const ALERT_STATES = ['pending', 'ok', 'firing', 'no_data'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const METRIC_LABELS: Record<AlertMetric, string> = {
  failure_rate: 'Failure rate (%)',
  success_rate: 'Success rate (%)',
  negative_sentiment: 'Negative sentiment (%)',
  calls: 'Calls',
  billed_cost: 'Billed cost ($)',
  avg_response_ms: 'Average response time (ms)',
  cost_change: 'Cost change vs one week earlier (%)',
  provider_margin: 'Provider margin (%)',
  provider_p95_latency: 'Provider p95 latency (ms)',
};

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤' };

export type EmailChannel = { type: 'email'; to: string[] };
export type WebhookChannel = { type: 'webhook'; url: string };
export type AlertChannel = EmailChannel | WebhookChannel;

/** Whether `value` breaches `threshold` under the comparator (exact for decimals: both are compared as decimal strings). */
export function breaches(comparator: Comparator, value: string, threshold: string): boolean {
  const c = compareDecimal(value, threshold);
  if (comparator === 'gt') return c > 0;
  if (comparator === 'gte') return c >= 0;
  if (comparator === 'lt') return c < 0;
  return c <= 0;
}

/** Compares two decimal numbers given as strings (plain or exponent notation) without rounding. */
export function compareDecimal(a: string, b: string): number {
  const [x, y] = [toFraction(a), toFraction(b)];
  // x.n / 10^x.s vs y.n / 10^y.s
  const scale = Math.max(x.s, y.s);
  const left = x.n * 10n ** BigInt(scale - x.s);
  const right = y.n * 10n ** BigInt(scale - y.s);
  return left === right ? 0 : left < right ? -1 : 1;
}

function toFraction(text: string): { n: bigint; s: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole, fraction = '', exp = '0'] = match;
  let digits = whole! + fraction;
  let scale = fraction.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { n: BigInt(sign + digits), s: scale };
}
