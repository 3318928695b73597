// The fixed shape of the demo platform: tiers, workspaces, providers and their prices.

export type TierSpec = {
  tierName: string;
  monthlyFee: string; // per billing interval
  billingInterval: 'month' | 'year';
  includedMinutes: number;
  markup: number;
};

export const TIERS: TierSpec[] = [
  { tierName: 'starter', monthlyFee: '49.000000', billingInterval: 'month', includedMinutes: 500, markup: 1.5 },
  { tierName: 'growth', monthlyFee: '199.000000', billingInterval: 'month', includedMinutes: 3000, markup: 1.35 },
  { tierName: 'business', monthlyFee: '799.000000', billingInterval: 'month', includedMinutes: 15000, markup: 1.25 },
  { tierName: 'growth_annual', monthlyFee: '1990.000000', billingInterval: 'year', includedMinutes: 3000, markup: 1.35 },
  { tierName: 'enterprise_annual', monthlyFee: '23880.000000', billingInterval: 'year', includedMinutes: 100000, markup: 1.2 },
];

export type WorkspaceSpec = {
  name: string;
  industry: string;
  timezone: string;
  status: 'active' | 'trialing' | 'past_due' | 'cancelled';
  tier: string;
  /** Relative share of the platform's calls. */
  weight: number;
  /** Months before the anchor when the workspace was created. */
  ageMonths: number;
  /** For cancelled workspaces: months before the anchor when it cancelled. */
  cancelledMonthsAgo?: number;
};

export const WORKSPACES: WorkspaceSpec[] = [
  { name: 'Acme Dental Group', industry: 'healthcare', timezone: 'America/New_York', status: 'active', tier: 'enterprise_annual', weight: 30, ageMonths: 14 },
  { name: 'Berliner Stadtwerke Service', industry: 'utilities', timezone: 'Europe/Berlin', status: 'active', tier: 'business', weight: 14, ageMonths: 14 },
  { name: 'Mumbai Metro Insurance', industry: 'insurance', timezone: 'Asia/Kolkata', status: 'active', tier: 'business', weight: 11, ageMonths: 13 },
  { name: 'Himalaya Treks', industry: 'travel', timezone: 'Asia/Kathmandu', status: 'active', tier: 'growth', weight: 6, ageMonths: 12 },
  { name: 'Sydney Harbour Realty', industry: 'real_estate', timezone: 'Australia/Sydney', status: 'active', tier: 'growth_annual', weight: 7, ageMonths: 14 },
  { name: 'Globex Logistics', industry: 'logistics', timezone: 'UTC', status: 'active', tier: 'business', weight: 8, ageMonths: 14 },
  { name: 'Pacific Auto Care', industry: 'automotive', timezone: 'America/Los_Angeles', status: 'active', tier: 'growth', weight: 5, ageMonths: 11 },
  { name: 'Chicago Pizza Co', industry: 'restaurants', timezone: 'America/Chicago', status: 'active', tier: 'starter', weight: 3, ageMonths: 9 },
  { name: 'London Legal Partners', industry: 'legal', timezone: 'Europe/London', status: 'active', tier: 'growth', weight: 3, ageMonths: 10 },
  { name: 'Tokyo Electronics Support', industry: 'retail', timezone: 'Asia/Tokyo', status: 'active', tier: 'growth_annual', weight: 4, ageMonths: 8 },
  { name: 'São Paulo Clínica', industry: 'healthcare', timezone: 'America/Sao_Paulo', status: 'past_due', tier: 'growth', weight: 2, ageMonths: 7 },
  { name: 'Toronto Home Services', industry: 'home_services', timezone: 'America/Toronto', status: 'active', tier: 'starter', weight: 2, ageMonths: 6 },
  { name: 'Adelaide Wines', industry: 'retail', timezone: 'Australia/Adelaide', status: 'past_due', tier: 'starter', weight: 1, ageMonths: 5 },
  { name: 'Dubai Luxury Stays', industry: 'hospitality', timezone: 'Asia/Dubai', status: 'active', tier: 'business', weight: 4, ageMonths: 4 },
  { name: 'Nairobi Microfinance', industry: 'finance', timezone: 'Africa/Nairobi', status: 'trialing', tier: 'growth', weight: 0.5, ageMonths: 0.5 },
  { name: 'Auckland Surf School', industry: 'education', timezone: 'Pacific/Auckland', status: 'trialing', tier: 'starter', weight: 0.3, ageMonths: 0.3 },
  { name: 'Denver Fitness, "Peak" Club', industry: 'fitness', timezone: 'America/Denver', status: 'trialing', tier: 'starter', weight: 0.4, ageMonths: 0.7 },
  { name: 'Paris Boulangerie', industry: 'restaurants', timezone: 'Europe/Paris', status: 'cancelled', tier: 'starter', weight: 1, ageMonths: 12, cancelledMonthsAgo: 0.5 },
  { name: 'Oslo Fjord Tours', industry: 'travel', timezone: 'Europe/Oslo', status: 'cancelled', tier: 'growth', weight: 1.5, ageMonths: 13, cancelledMonthsAgo: 4 },
  { name: 'Kathmandu Telecom Resellers', industry: 'telecom', timezone: 'Asia/Kathmandu', status: 'cancelled', tier: 'starter', weight: 1, ageMonths: 11, cancelledMonthsAgo: 8 },
];

export const AGENT_NAMES = [
  'Reception', 'Appointments', 'Billing Desk', 'After-hours', 'Sales Outreach', 'Renewals', 'Support Tier 1',
  'Support Tier 2', 'Collections', 'Surveys', 'Order Status', 'Booking Assistant', 'Lead Qualifier',
  'Claims Intake', 'Concierge', 'Dispatch', 'Feedback Line', 'Onboarding',
];

export const INTENTS = [
  'book_appointment', 'reschedule', 'cancel_appointment', 'billing_question', 'order_status', 'speak_to_human',
  'new_customer', 'complaint', 'opening_hours', 'payment', 'quote_request', 'technical_support',
];

export const ENDED_REASONS: Record<string, string[]> = {
  completed: ['customer_hangup', 'agent_hangup', 'transferred', 'goal_reached'],
  failed: ['pipeline_error', 'provider_timeout', 'stt_error', 'llm_error'],
  no_answer: ['no_answer'],
  busy: ['busy_signal'],
  canceled: ['canceled_by_api'],
};

/** Voice (TTS) providers; the call records which one it used. */
export const VOICE_PROVIDERS = ['elevenlabs', 'cartesia', 'playht'] as const;

/**
 * Provider prices in micro-dollars per unit. `billedFactor` scales the tier's markup:
 * playht is billed below what it costs the platform, so the admin console has a
 * negative-margin provider to show.
 */
export const USAGE_PRICES = {
  telephony_minutes: { providers: ['twilio', 'telnyx'], microPerUnit: 8500, billedFactor: 1 },
  stt_seconds: { providers: ['deepgram'], microPerUnit: 72, billedFactor: 1 },
  llm_tokens: { providers: ['openai'], microPerUnit: 2.5, billedFactor: 1 },
  tts_characters: { providers: VOICE_PROVIDERS, microPerUnit: 30, billedFactor: 1 },
} as const;

export const PROVIDER_BILLED_FACTOR: Record<string, number> = { playht: 0.6 };

export const HEALTH_PROVIDERS = ['twilio', 'telnyx', 'deepgram', 'openai', 'elevenlabs', 'cartesia', 'playht'];
export const PROVIDER_BASE_LATENCY: Record<string, number> = {
  twilio: 120, telnyx: 95, deepgram: 180, openai: 450, elevenlabs: 260, cartesia: 140, playht: 330,
};

/** The demo's workspace count: the catalog above, as it is. */
export const DEFAULT_WORKSPACE_COUNT = WORKSPACES.length;

/**
 * Zipf exponent of `--workspaces N` sizes: the workspace of rank r gets a share ∝ r^-s.
 * 0.8 gives the largest of 1,000 workspaces ~6.4 % of all calls and a long tail (the
 * 500th gets 1/144 of the largest), the shape of a real multi-tenant platform.
 */
export const ZIPF_EXPONENT = 0.8;

/**
 * The workspaces of a demo platform of `count` workspaces. The default count is the
 * catalog, unchanged. Any other count cycles through the catalog for every property but
 * size (zones, statuses, tiers, ages, cancellations: every case the demo has keeps
 * occurring), numbers the names after the first round ("Acme Dental Group 2") so names
 * and slugs stay unique, and sizes workspace i (0-based) by Zipf rank i + 1, so the
 * first (Acme, New York) is the whale. Weights are scaled so the largest weighs 30, as
 * Acme does in the catalog (the agent count follows the weight).
 */
export function workspaceSpecs(count: number = DEFAULT_WORKSPACE_COUNT): WorkspaceSpec[] {
  if (count === DEFAULT_WORKSPACE_COUNT) return WORKSPACES;
  return Array.from({ length: count }, (_, i) => {
    const base = WORKSPACES[i % WORKSPACES.length]!;
    const round = Math.floor(i / WORKSPACES.length);
    return { ...base, name: round === 0 ? base.name : `${base.name} ${round + 1}`, weight: 30 / (i + 1) ** ZIPF_EXPONENT };
  });
}

/**
 * Splits `total` into whole parts proportional to `weights` that sum to exactly `total`
 * (largest remainder: each part is its floor, and the parts with the largest fractions
 * get one more, ties by position).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    if (weights[order[k]![1]]! > 0) {
      parts[order[k]![1]]! += 1;
      left -= 1;
    }
  }
  return parts;
}
