/**
 * "How is this computed" notes of the admin console, worded from METRICS.md (platform
 * and provider metrics). Shown on hover and keyboard focus next to each figure.
 */
export const ADMIN_DEFINITIONS = {
  totalWorkspaces: 'Workspaces that existed at the end of the range, whatever their status. Change: against the count at the start of the range.',
  activeWorkspaces:
    'Workspaces whose subscription was active at the end of the range (today for a range ending now), from the subscription history. Change: against the start of the range.',
  totalCalls: 'Calls whose started_at is in the range. Change: against the previous range of equal length.',
  revenue:
    'Sum of total_amount of billing periods with status paid or finalized whose period_start is in the range. Draft periods (a month not closed yet) are not revenue yet: their amount is shown apart as not final. Change: against the previous range of equal length.',
  mrr: 'Monthly recurring revenue at the end of the range: over workspaces active then, the sum of their tier’s monthly fee (yearly tiers: fee / 12), from the subscription history. Trialing, past-due and cancelled workspaces add nothing. Change: against the MRR in effect at the start of the range.',
  arr: 'Annual recurring revenue: 12 × MRR at the end of the range. Change: against the start of the range, from the subscription history.',
  churnRate:
    '100 × workspaces whose cancelled_at is in the range ÷ workspaces that existed and were not cancelled at the range start (0 when there were none). Change: in percentage points against the previous range.',
  mrrByTier: 'MRR per subscription tier: monthly-normalised fee × active workspaces on that tier.',
  revenueByMonth: 'Revenue (paid or finalized billing periods, by period_start) per calendar month of the range, in the range’s time zone. Months with draft periods are hatched: the draft amount is added on top and said “draft, not final”.',
  topWorkspaces:
    'The 10 workspaces with the highest revenue in the range, with their calls in the range. Calls and revenue are summed separately, so neither multiplies the other; ties by name.',
  providerCalls: 'Calls in the range whose voice_provider_used is the provider.',
  providerSuccess: '100 × completed ÷ terminal calls (completed, failed, no_answer, busy, canceled) of the provider; 0 when none.',
  providerCost: 'What the provider charged the platform: sum of total_cost of the provider’s usage records created in the range.',
  providerRevenue: 'What the platform billed for it: sum of final_cost of the same usage records.',
  providerMargin: '100 × (revenue − cost) ÷ revenue; empty when revenue is 0. A negative margin means the platform bills less than the provider costs.',
  providerAvgLatency: 'Mean of avg_latency over the provider’s health checks in the range; empty without checks.',
  providerP95Latency: 'Continuous 95th percentile (linear interpolation) of the same health-check latencies.',
  latencyOverTime: 'Daily mean of health-check avg_latency per provider, by UTC date; gaps are days without checks.',
  workspaceCalls: 'Calls started in the range.',
  workspaceRevenue: 'Paid or finalized billing periods of the workspace whose period_start is in the range.',
  workspaceMrr: 'The tier’s monthly-normalised fee (yearly tiers / 12) when the workspace is active, else 0.',
  mrrOverTime:
    'MRR in effect at the end of each calendar month (line), from the subscription history, and the month’s movements (bars): new, expansion and reactivation up, contraction and churn down. Ending = starting + new + expansion + reactivation − contraction − churn.',
  mrrMovements:
    'Per calendar month: starting MRR (in effect at the month’s first instant), then each workspace’s MRR change classified as new (first time paying), expansion (up), contraction (down), churn (to 0) or reactivation (paying again after churn), and ending MRR. Select a figure to see the workspaces behind it.',
  logoChurn: '100 × workspaces paying at the month’s start that pay nothing at its end ÷ workspaces paying at its start.',
  grossRevenueChurn: '100 × (churn + contraction) ÷ starting MRR of the month.',
  netRevenueChurn: '100 × (churn + contraction − expansion − reactivation) ÷ starting MRR; negative when the base grew.',
  arpa: 'Average revenue per account: ending MRR ÷ workspaces paying at the month’s end.',
  ltv: 'Lifetime value: ARPA ÷ trailing 6-month logo churn (churned ÷ paying-at-start logos over the 6 months ending with this one); undefined while nobody churned.',
  cohorts:
    'Net revenue retention of monthly cohorts: workspaces grouped by the month they first paid; each cell is the cohort’s MRR at the end of a later month ÷ its MRR at the end of its first month. Expansion can take it above 100 %.',
} as const;

export type AdminDefinitionKey = keyof typeof ADMIN_DEFINITIONS;
