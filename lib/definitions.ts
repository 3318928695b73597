/**
 * METRICS.md definitions as the UI shows them (tooltips, "how is this computed" notes).
 * When a definition changes in METRICS.md, change it here in the same commit.
 */
export const DEFINITIONS = {
  range: 'Calls belong to the range by when they started; cost by when the usage was recorded. Days and hours are read in the workspace time zone.',
  filters: 'Filters narrow the set of calls for every figure on the page, totals and breakdowns alike.',
  totalCalls: 'Count of calls that started in the range.',
  successRate: '100 × completed ÷ terminal calls (completed, failed, no answer, busy, canceled). Calls still queued, ringing or in progress are not counted. 0 when there are no terminal calls.',
  totalMinutes: 'Sum of call durations in seconds ÷ 60.',
  avgDuration: 'Mean duration over calls that have a duration; 0 when none do.',
  avgResponseTime: "Mean of the calls' average agent response time (ms) over calls that report it; 0 when none do.",
  totalCost: 'What the workspace is billed: the sum of the final cost of usage records created in the range, computed exactly in decimal.',
  change: 'Change vs the previous period: the range of equal length that ends where this one starts; for Today, the same hours of yesterday (00:00 until this time). Relative change for counts and sums (none when the previous value is 0); percentage points (pp) for rates.',
  costTrend: 'Billed cost (sum of final cost of usage records) per local calendar date of the workspace; days without usage show 0.',
  callsByHour: 'Calls per local hour of day (0–23) in the workspace time zone, by start time; hours without calls show 0.',
  callsOverTime:
    'Calls started per local hour, day, week (from Monday) or month, by outcome: completed; failed, not answered, busy or canceled; still in progress. The range picks hourly for a day, daily up to about 90 days and weekly beyond; the switch changes it. A hatched bar is a partial bucket: the range covers only part of it (a range starting mid-day, today so far), so it is not a dip.',
  leaderboard: 'Per agent: calls, completed, success rate, total minutes and billed cost (sum of the calls’ cost), ordered by calls, then name. Calls of deleted agents still count.',
  sentiment: 'Share of calls with positive, neutral or negative sentiment among calls that have one of those three; all 0 when none do.',
  costByProvider: 'Billed cost (sum of final cost of usage records) per voice provider.',
  callsByStatus: 'Count of calls per status; statuses with no calls are left out.',
  callsByDirection: 'Count of inbound and outbound calls.',
  callsBySentiment: 'Calls per sentiment the call ended with; calls without a sentiment are shown apart.',
  callsByProvider: 'Calls per voice (text-to-speech) provider the call used.',
  crossFilter: 'Choosing a bar narrows the whole page to it; the chart you chose from keeps every bar, the others dimmed, so you can compare or switch.',
  callList: 'Every call that started in the range and matches the filters; cost is what the workspace is billed for the call.',
  topIntents: 'The 5 most frequent intents (calls without an intent excluded), ties by name.',
  callTrend: 'Calls per local calendar date of the workspace; days without calls show 0.',
  agentList: 'Every agent of the workspace, deleted ones included, with its calls, success rate, minutes and billed cost in the range.',
} as const;

export type DefinitionKey = keyof typeof DEFINITIONS;
