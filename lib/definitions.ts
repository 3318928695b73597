/**
 * METRICS.md definitions as the UI shows them. Each figure has a sentence for a customer
 * (`plain`, in the tooltip) and the exact rule (`formula`, one click away on the ⓘ button).
 * When a definition changes in METRICS.md, change it here in the same commit.
 */
export type Explanation = string | { plain: string; formula: string };

/** An explanation with a sentence added to its plain words (e.g. the zone its hours are in). */
export function withNote(explanation: Explanation, note: string): Explanation {
  return typeof explanation === 'string' ? `${explanation} ${note}` : { ...explanation, plain: `${explanation.plain} ${note}` };
}

export const DEFINITIONS = {
  range: 'Calls belong to the range by when they started; cost by when the usage was recorded. Days and hours are read in the workspace time zone.',
  filters: 'Filters narrow the set of calls for every figure on the page, totals and breakdowns alike.',
  totalCalls: { plain: 'How many calls started in the chosen dates.', formula: 'Count of calls with a start time in the range [from, to).' },
  successRate: {
    plain: 'Of the calls that have ended, the share your agents completed. Calls still going on are left out; "—" when no call has ended yet.',
    formula: '100 × completed ÷ terminal calls (completed, failed, no answer, busy, canceled). Queued, ringing and in-progress calls are neither.',
  },
  totalMinutes: { plain: 'Talk time of all the calls, in minutes.', formula: 'Sum of call durations in seconds ÷ 60.' },
  avgDuration: { plain: 'How long a call lasts on average; "—" when no call has a duration yet.', formula: 'Mean of duration_seconds over calls that have one.' },
  avgResponseTime: {
    plain: 'How quickly your agents answer a caller, on average; "—" when no call reported it.',
    formula: "Mean of the calls' average agent response time (ms) over calls that report one.",
  },
  totalCost: {
    plain: 'What this workspace is billed for the usage in the chosen dates.',
    formula: 'Sum of final_cost of usage records created in the range, computed exactly in decimal.',
  },
  change:
    'Change vs the previous period: the range of equal length that ends where this one starts; for Today, the same hours of yesterday (00:00 until this time). Relative change for counts and sums (none when the previous value is 0); percentage points (pp) for rates.',
  costTrend: { plain: 'What you were billed each day.', formula: 'Sum of final_cost of usage records per local calendar date of the workspace; days without usage show 0.' },
  callsByHour: { plain: 'At what time of day calls start.', formula: 'Calls per local hour of day (0–23) of their start time; hours without calls show 0.' },
  callsOverTime: {
    plain:
      'Calls started per hour, day, week or month, by how they ended. A hatched bar is a partial bucket (the range covers only part of it), not a dip.',
    formula:
      'Calls per local hour, day, week (from Monday) or month, by outcome: completed; failed, no answer, busy or canceled; still queued, ringing or in progress. Hourly for a day, daily up to about 90 days, weekly beyond, unless the switch says otherwise.',
  },
  leaderboard: {
    plain: 'Your agents by how many calls they took, with how they did. Calls of deleted agents still count.',
    formula: 'Per agent: calls, completed, success rate (completed ÷ ended calls), total minutes and billed cost (sum of the calls’ cost); ordered by calls, then name.',
  },
  sentiment: {
    plain: 'How callers felt, among calls that have a sentiment.',
    formula: 'Share of calls with positive, neutral or negative sentiment among calls that have one of those three; all 0 when none do.',
  },
  costByProvider: { plain: 'What you were billed per provider.', formula: 'Sum of final_cost of usage records per provider.' },
  callsByStatus: { plain: 'How calls ended, or where they are now.', formula: 'Count of calls per status; statuses with no calls are left out.' },
  callsByDirection: { plain: 'Calls your agents answered (inbound) and placed (outbound).', formula: 'Count of inbound and outbound calls.' },
  callsBySentiment: { plain: 'How callers felt, as a number of calls.', formula: 'Count of calls per sentiment; calls without one are shown apart and cannot be chosen.' },
  callsByProvider: { plain: 'Which voice (text-to-speech) provider the calls used.', formula: 'Count of calls per calls.voice_provider_used; calls without one are shown apart.' },
  crossFilter: 'Choosing a bar narrows the whole page to it; the chart you chose from keeps every bar, the others dimmed, so you can compare or switch.',
  callList: 'Every call that started in the range and matches the filters; cost is what the workspace is billed for the call.',
  topIntents: { plain: 'What callers wanted most often.', formula: 'The 5 most frequent intents (calls without an intent excluded), ties by name.' },
  callTrend: { plain: 'Calls per day.', formula: 'Calls per local calendar date of the workspace; days without calls show 0.' },
  agentList: 'Every agent of the workspace, deleted ones included, with its calls, success rate, minutes and billed cost in the range.',
} as const satisfies Record<string, Explanation>;

export type DefinitionKey = keyof typeof DEFINITIONS;
