import { randomUUID } from 'node:crypto';
import type { Platform } from './verify';
import { createRandom } from '@/prisma/seed/random';

/**
 * A realistic stream of webhook bodies for one platform, for `npm run demo:webhooks` and
 * the load measurement: several agents, a mix of outcomes (completed, no answer, busy,
 * failed), costs that grow with the duration, every kind of event the platform sends
 * (Vapi status-update then end-of-call-report; Retell call_started, call_ended,
 * call_analyzed, without call_started for calls that never connected; Bland's call
 * object), ending within the last `spreadMinutes` before `now`.
 */

type Rng = () => number;

/** mulberry32, the seed's own generator: the same seed gives the same sequence. */
const mulberry32 = (seed: number): (() => number) => createRandom(seed).next;

const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const round = (value: number, places: number) => Number(value.toFixed(places));
const phone = (r: Rng) => `+1555${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;

type Outcome = 'completed' | 'no_answer' | 'busy' | 'failed';
const outcome = (r: Rng): Outcome => {
  const x = r();
  return x < 0.72 ? 'completed' : x < 0.84 ? 'no_answer' : x < 0.92 ? 'busy' : 'failed';
};

export type DemoOptions = { calls: number; now?: Date; seed?: number; spreadMinutes?: number };

export function demoDeliveries(platform: Platform, options: DemoOptions): unknown[] {
  const r = mulberry32(options.seed ?? Date.now());
  const now = (options.now ?? new Date()).getTime();
  const spread = (options.spreadMinutes ?? 60) * 60_000;
  const out: unknown[] = [];
  for (let i = 0; i < options.calls; i++) {
    const result = outcome(r);
    const seconds = result === 'completed' ? 20 + Math.floor(r() * 380) : result === 'failed' ? Math.floor(r() * 15) : 0;
    const end = now - Math.floor(r() * spread);
    const start = end - seconds * 1000 - (result === 'completed' || result === 'failed' ? 0 : 25_000);
    const inbound = r() < 0.6;
    const args = { r, start, end, seconds, result, inbound };
    if (platform === 'vapi') out.push(...vapi(args));
    else if (platform === 'retell') out.push(...retell(args));
    else out.push(bland(args));
  }
  return out;
}

type Args = { r: Rng; start: number; end: number; seconds: number; result: Outcome; inbound: boolean };

const VAPI_AGENTS = [
  { id: 'asst-demo-reception', name: 'Reception (Vapi)' },
  { id: 'asst-demo-billing', name: 'Billing helper (Vapi)' },
];
const VAPI_REASONS: Record<Outcome, string[]> = {
  completed: ['customer-ended-call', 'assistant-ended-call', 'silence-timed-out'],
  no_answer: ['customer-did-not-answer', 'voicemail'],
  busy: ['customer-busy'],
  failed: ['pipeline-error-openai-llm-failed', 'call.in-progress.error-vapifault-transport-never-connected'],
};

function vapi({ r, start, end, seconds, result, inbound }: Args): unknown[] {
  const id = `demo-${randomUUID()}`;
  const agent = pick(r, VAPI_AGENTS);
  const web = r() < 0.15;
  const type = web ? 'webCall' : inbound ? 'inboundPhoneCall' : 'outboundPhoneCall';
  const customer = web ? undefined : { number: phone(r) };
  const call = { id, orgId: 'org-demo', type, assistantId: agent.id, customer, createdAt: new Date(start - 2000).toISOString(), updatedAt: new Date(end).toISOString() };
  const minutes = round(seconds / 60, 4);
  const connected = seconds > 0;
  const tokens = Math.round(seconds * (18 + r() * 14));
  const costs = [
    { type: 'transport', provider: pick(r, ['twilio', 'telnyx']), minutes, cost: round(minutes * 0.0085, 6) },
    ...(connected
      ? [
          { type: 'transcriber', transcriber: { provider: 'deepgram' }, minutes, cost: round(minutes * 0.0043, 6) },
          { type: 'model', model: { provider: 'openai', model: 'gpt-4o-mini' }, promptTokens: Math.round(tokens * 0.8), completionTokens: Math.round(tokens * 0.2), cost: round(tokens * 0.0000025, 6) },
          { type: 'voice', voice: { provider: pick(r, ['11labs', 'cartesia']) }, characters: Math.round(seconds * 9), cost: round(seconds * 9 * 0.00003, 6) },
        ]
      : []),
    { type: 'vapi', subType: 'normal', minutes, cost: round(minutes * 0.05, 6) },
  ];
  const report = {
    message: {
      type: 'end-of-call-report',
      timestamp: end + 800,
      endedReason: pick(r, VAPI_REASONS[result]),
      ...(connected ? { startedAt: new Date(start).toISOString(), endedAt: new Date(end).toISOString() } : {}),
      cost: round(costs.reduce((s, c) => s + c.cost, 0), 6),
      costs,
      analysis: connected ? { summary: 'Demo call handled by the assistant.', successEvaluation: r() < 0.8 ? 'true' : 'false' } : {},
      artifact: { messages: [], performanceMetrics: connected ? { turnLatencyAverage: round(600 + r() * 900, 1) } : {} },
      call: { ...call, status: 'ended' },
      assistant: agent,
      ...(customer ? { customer } : {}),
    },
  };
  const statuses = connected ? [{ message: { type: 'status-update', status: 'in-progress', timestamp: start, call: { ...call, status: 'in-progress', startedAt: new Date(start).toISOString() }, assistant: agent } }] : [{ message: { type: 'status-update', status: 'ringing', timestamp: start, call: { ...call, status: 'ringing' }, assistant: agent } }];
  return [...statuses, report];
}

const RETELL_AGENTS = [
  { id: 'agent_demo_frontdesk', name: 'Front desk (Retell)' },
  { id: 'agent_demo_sales', name: 'Sales (Retell)' },
];
const RETELL_REASONS: Record<Outcome, string[]> = {
  completed: ['user_hangup', 'agent_hangup', 'call_transfer'],
  no_answer: ['dial_no_answer', 'voicemail_reached'],
  busy: ['dial_busy'],
  failed: ['dial_failed', 'error_llm_websocket_lost_connection'],
};

function retell({ r, start, end, seconds, result, inbound }: Args): unknown[] {
  const agent = pick(r, RETELL_AGENTS);
  const web = r() < 0.15;
  const ours = '+15559990000';
  const theirs = phone(r);
  const connected = seconds > 0;
  const base = {
    call_type: web ? 'web_call' : 'phone_call',
    call_id: `demo_${randomUUID().replace(/-/g, '')}`,
    agent_id: agent.id,
    agent_name: agent.name,
    ...(web ? {} : { direction: inbound ? 'inbound' : 'outbound', from_number: inbound ? theirs : ours, to_number: inbound ? ours : theirs }),
    start_timestamp: start,
    metadata: {},
  };
  // Cents, with fractions, as Retell reports them.
  const tts = round(seconds * 0.07, 3);
  const llm = round(seconds * 0.006, 3);
  const platform = round(seconds * 0.0117, 3);
  const ended = {
    ...base,
    call_status: connected ? 'ended' : 'not_connected',
    end_timestamp: end,
    duration_ms: seconds * 1000,
    disconnection_reason: pick(r, RETELL_REASONS[result]),
    ...(connected ? { latency: { e2e: { p50: round(700 + r() * 700, 1), p90: 1800, p95: 2100, p99: 2600, min: 500, max: 3000, num: 10, values: [] } } } : {}),
    call_cost: {
      combined_cost: round(tts + llm + platform, 3),
      total_duration_seconds: seconds,
      total_duration_unit_price: 0.0887,
      product_costs: connected
        ? [
            { product: 'elevenlabs_tts', cost: tts, unit_price: 0.07, is_transfer_leg_cost: false },
            { product: 'gpt_4o_mini', cost: llm, unit_price: 0.006, is_transfer_leg_cost: false },
            { product: 'retell_platform', cost: platform, unit_price: 0.0117, is_transfer_leg_cost: false },
          ]
        : [],
    },
  };
  const sentiment = connected ? pick(r, ['Positive', 'Positive', 'Neutral', 'Negative']) : 'Unknown';
  const analyzed = { ...ended, call_analysis: { call_summary: 'Demo call.', user_sentiment: sentiment, call_successful: result === 'completed', in_voicemail: false } };
  return [...(connected ? [{ event: 'call_started', call: { ...base, call_status: 'ongoing' } }] : []), { event: 'call_ended', call: ended }, { event: 'call_analyzed', call: analyzed }];
}

const BLAND_STATUS: Record<Outcome, { status: string; answered_by?: string; error_message?: string }[]> = {
  completed: [{ status: 'completed', answered_by: 'human' }],
  no_answer: [{ status: 'no-answer' }, { status: 'completed', answered_by: 'voicemail' }],
  busy: [{ status: 'busy' }],
  failed: [{ status: 'failed', error_message: 'Carrier rejected the call' }],
};

function bland({ r, start, end, seconds, result, inbound }: Args): unknown {
  const ours = '+15558880000';
  const theirs = phone(r);
  return {
    call_id: randomUUID(),
    inbound,
    from: inbound ? theirs : ours,
    to: inbound ? ours : theirs,
    started_at: new Date(start).toISOString(),
    end_at: new Date(end).toISOString(),
    corrected_duration: String(seconds),
    call_length: round(seconds / 60, 4),
    price: round((seconds / 60) * 0.09, 4),
    completed: result === 'completed',
    call_ended_by: result === 'completed' ? pick(r, ['USER', 'ASSISTANT']) : undefined,
    pathway_id: 'pathway-demo-appointments',
    pathway_name: 'Appointments (Bland)',
    summary: result === 'completed' ? 'Demo call.' : undefined,
    ...pick(r, BLAND_STATUS[result]),
  };
}
