import { apportion, ENDED_REASONS, type WorkspaceSpec, INTENTS, PROVIDER_BILLED_FACTOR, USAGE_PRICES, VOICE_PROVIDERS } from './catalog';
import { localDayNumber, localMonthLocator, localToUtc, offsetMinutes } from './local-time';
import { createRandom, makeId, type Random } from './random';
import { csvField } from './bulk-load';

export const CALL_COLUMNS = [
  'id', 'workspace_id', 'agent_id', 'caller_number', 'direction', 'status', 'duration_seconds', 'started_at',
  'ended_at', 'sentiment', 'voice_provider_used', 'avg_response_ms', 'cost_total', 'intent', 'metadata',
] as const;
export const USAGE_COLUMNS = [
  'id', 'workspace_id', 'call_id', 'provider', 'usage_type', 'quantity', 'total_cost', 'final_cost', 'created_at',
] as const;

export type SeedAgent = { id: string; name: string; weight: number; outbound: boolean; deletedAtMs: number | null };
export type SeedWorkspace = {
  id: string;
  index: number;
  timezone: string;
  markup: number;
  createdAtMs: number;
  /** Calls stop here (cancellation), else at the anchor. */
  endMs: number;
  callCount: number;
  agents: SeedAgent[];
  countryCode: string;
  spec: WorkspaceSpec;
};

/** Usage billed per workspace per local calendar month (key "YYYY-MM"), in micro-dollars, for billing periods. */
export type MonthlyUsage = Map<string, Map<string, number>>;

const DAY = 86_400_000;
// Relative call volume per local hour: quiet nights, a morning and an afternoon peak.
const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 4, 9, 13, 14, 13, 10, 11, 13, 13, 12, 9, 6, 4, 3, 2.5, 2, 1.5];
// Sunday..Saturday
const WEEKDAY_WEIGHTS = [0.3, 1, 1.05, 1, 1, 0.95, 0.45];
const HOUR_CDF = cumulative(HOUR_WEIGHTS);
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((s, w) => s + w, 0);

export function microsToDecimal(micros: number): string {
  const whole = Math.floor(micros / 1_000_000);
  return `${whole}.${String(micros - whole * 1_000_000).padStart(6, '0')}`;
}

function cumulative(weights: number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const w of weights) out.push((sum += w));
  return out.map((v) => v / sum);
}

function sampleCdf(cdf: number[], r: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Generates one workspace's calls and their usage records as CSV lines, batch by batch.
 * Volume follows local weekdays and hours and grows over the window.
 */
export function* generateWorkspaceCalls(
  ws: SeedWorkspace,
  options: { seed: number; nowMs: number; batchSize: number; idCounter: { calls: number; usage: number }; monthlyUsage: MonthlyUsage },
): Generator<{ calls: string[]; usage: string[] }> {
  const rand = createRandom(options.seed * 7919 + ws.index * 104729);
  // Calls start after the workspace's creation and before its end (cancellation) and now.
  const windowStart = ws.createdAtMs;
  const windowEnd = Math.min(ws.endMs, options.nowMs);
  const firstDay = localDayNumber(ws.timezone, windowStart);
  const lastDay = localDayNumber(ws.timezone, windowEnd - 1);
  if (lastDay < firstDay || ws.callCount <= 0 || windowEnd <= windowStart) return;

  // Relative volume per local day, scaled by the share of the day's hourly volume that
  // lies inside the window (the first and last days are partial), then exactly
  // ws.callCount whole calls spread over the days by largest remainder.
  const days: { day: number; weight: number; noonOffset: number }[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const progress = (day - firstDay) / Math.max(1, lastDay - firstDay);
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    const noonOffset = offsetMinutes(ws.timezone, day * DAY + 12 * 3_600_000);
    let inside = 0;
    for (let hour = 0; hour < 24; hour++) {
      const start = localToUtc(day, hour * 3600, noonOffset);
      const overlap = Math.max(0, Math.min(start + 3_600_000, windowEnd) - Math.max(start, windowStart));
      inside += (HOUR_WEIGHTS[hour]! * overlap) / 3_600_000;
    }
    days.push({ day, weight: (inside / HOUR_TOTAL) * WEEKDAY_WEIGHTS[weekday]! * (0.6 + 0.6 * progress) * (0.85 + 0.3 * rand.next()), noonOffset });
  }
  const perDay = apportion(ws.callCount, days.map((d) => d.weight));
  const agentCdf = cumulative(ws.agents.map((a) => a.weight));
  const usageMonths = options.monthlyUsage.get(ws.id) ?? new Map<string, number>();
  options.monthlyUsage.set(ws.id, usageMonths);
  // Billing periods are the workspace's local calendar months.
  const monthOf = localMonthLocator(ws.timezone, ws.createdAtMs);
  const preferredVoice = VOICE_PROVIDERS[ws.index % VOICE_PROVIDERS.length]!;
  const telephony = USAGE_PRICES.telephony_minutes.providers[ws.index % 2]!;

  let calls: string[] = [];
  let usage: string[] = [];
  for (const [d, { day, noonOffset }] of days.entries()) {
    const count = perDay[d]!;
    for (let i = 0; i < count; i++) {
      // A local hour by the daily pattern; on a partial day, drawn again until the call
      // falls inside the window (every call asked for is generated: --calls N gives N).
      let startedMs = 0;
      for (let attempt = 0; ; attempt++) {
        const hour = sampleCdf(HOUR_CDF, rand.next());
        startedMs = localToUtc(day, hour * 3600 + rand.int(0, 3599), noonOffset) + rand.int(0, 999);
        if (startedMs >= windowStart && startedMs < windowEnd) break;
        if (attempt === 100) {
          // A sliver of a day: anywhere in the part of it that is inside the window.
          const lo = Math.max(windowStart, localToUtc(day, 0, noonOffset));
          const hi = Math.min(windowEnd, localToUtc(day + 1, 0, noonOffset));
          startedMs = lo + Math.floor(rand.next() * Math.max(1, hi - lo));
          break;
        }
      }
      let agent = ws.agents[sampleCdf(agentCdf, rand.next())]!;
      if (agent.deletedAtMs !== null && startedMs >= agent.deletedAtMs) agent = ws.agents.find((a) => a.deletedAtMs === null) ?? agent;
      const callId = makeId(0xca11, ++options.idCounter.calls);
      const call = makeCall(rand, { ws, agent, startedMs, nowMs: options.nowMs, preferredVoice });
      let callMicros = 0;
      for (const line of makeUsage(rand, call, telephony, ws.markup)) {
        callMicros += line.finalMicros;
        const month = monthOf(line.createdMs);
        usageMonths.set(month, (usageMonths.get(month) ?? 0) + line.finalMicros);
        usage.push([
          makeId(0x05a6e, ++options.idCounter.usage), ws.id, callId, line.provider, line.usageType, line.quantity,
          microsToDecimal(line.costMicros), microsToDecimal(line.finalMicros), new Date(line.createdMs).toISOString(),
        ].join(','));
      }
      calls.push([
        callId, ws.id, agent.id, call.caller, call.direction, call.status, call.duration ?? '',
        new Date(startedMs).toISOString(), call.endedMs === null ? '' : new Date(call.endedMs).toISOString(),
        call.sentiment ?? '', call.provider, call.responseMs ?? '', microsToDecimal(callMicros), call.intent ?? '',
        csvField(JSON.stringify({ intent: call.intent, ended_reason: call.endedReason, language: call.language })),
      ].join(','));
      if (calls.length >= options.batchSize) {
        yield { calls, usage };
        calls = [];
        usage = [];
      }
    }
  }
  if (calls.length) yield { calls, usage };

  function makeCall(r: Random, c: { ws: SeedWorkspace; agent: SeedAgent; startedMs: number; nowMs: number; preferredVoice: string }) {
    const live = c.nowMs - c.startedMs < 15 * 60_000;
    const status = live
      ? r.weighted([['in_progress', 6], ['ringing', 2], ['queued', 1], ['completed', 3]] as const)
      : r.weighted([['completed', 78], ['failed', 5], ['no_answer', 9], ['busy', 4], ['canceled', 4]] as const);
    const talked = status === 'completed' || status === 'failed' || status === 'in_progress';
    let duration: number | null = null;
    if (status === 'completed') duration = Math.max(5, Math.round(Math.exp(r.normal(5, 0.7))));
    else if (status === 'failed') duration = r.int(0, 90);
    else if (status === 'no_answer' || status === 'busy' || status === 'canceled') duration = r.chance(0.5) ? 0 : null;
    if (status === 'completed' && c.startedMs + (duration ?? 0) * 1000 > c.nowMs) duration = Math.max(1, Math.floor((c.nowMs - c.startedMs) / 1000));
    const endedMs = duration === null || status === 'in_progress' || status === 'ringing' || status === 'queued' ? null : c.startedMs + duration * 1000;
    const sentiment = status === 'completed'
      ? r.weighted([['positive', 45], ['neutral', 35], ['negative', 12], [null, 8]] as const)
      : status === 'failed' ? r.weighted([['negative', 40], [null, 60]] as const) : null;
    const provider = r.chance(0.7) ? c.preferredVoice : r.pick(VOICE_PROVIDERS);
    const intent = talked && r.chance(0.9) ? INTENTS[Math.min(INTENTS.length - 1, Math.floor(Math.abs(r.normal(0, 4))))]! : null;
    const reasons = ENDED_REASONS[status];
    return {
      status,
      direction: c.agent.outbound ? (r.chance(0.85) ? 'outbound' : 'inbound') : (r.chance(0.9) ? 'inbound' : 'outbound'),
      duration: status === 'in_progress' || status === 'ringing' || status === 'queued' ? null : duration,
      endedMs,
      sentiment,
      provider,
      responseMs: talked && status !== 'in_progress' ? Math.max(150, Math.round(r.normal(650, 140))) : null,
      intent,
      endedReason: reasons ? r.pick(reasons) : null,
      language: r.chance(0.85) ? 'en' : r.pick(['es', 'de', 'hi', 'fr']),
      caller: `+${c.ws.countryCode}${r.int(200_000_000, 999_999_999)}`,
    };
  }
}

type UsageLine = { provider: string; usageType: string; quantity: number; costMicros: number; finalMicros: number; createdMs: number };

function makeUsage(
  r: Random,
  call: { duration: number | null; endedMs: number | null; provider: string },
  telephony: string,
  markup: number,
): UsageLine[] {
  if (!call.duration || call.endedMs === null) return [];
  const seconds = call.duration;
  const lines: [keyof typeof USAGE_PRICES, string, number][] = [
    ['telephony_minutes', telephony, Math.ceil(seconds / 60)],
    ['stt_seconds', 'deepgram', seconds],
  ];
  if (seconds > 10) lines.push(['llm_tokens', 'openai', Math.round(seconds * r.int(18, 32))]);
  if (seconds > 10) lines.push(['tts_characters', call.provider, Math.round(seconds * r.int(6, 12))]);
  return lines.map(([usageType, provider, quantity]) => {
    const costMicros = Math.round(quantity * USAGE_PRICES[usageType].microPerUnit);
    const finalMicros = Math.round(costMicros * markup * (PROVIDER_BILLED_FACTOR[provider] ?? 1));
    return { provider, usageType, quantity, costMicros, finalMicros, createdMs: call.endedMs! };
  });
}
