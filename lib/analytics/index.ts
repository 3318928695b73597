/**
 * The analytics engine: one metric family per file, each `(db, scope, range, …) → typed
 * result`. Pages, route handlers, reports and tests import from here only.
 */
export { InvalidParameterError, InvalidRangeError, NotFoundError, type RangeParam } from './errors';
export {
  RANGE_PRESETS,
  CALENDAR_PRESETS,
  MAX_RANGE_DAYS,
  resolveRange,
  previousRange,
  listLocalDates,
  localDateOf,
  startOfLocalDate,
  isValidTimeZone,
  assertTimeZone,
  assertRange,
  type RangePreset,
  type CalendarPreset,
  type RangeSpec,
  type TimeRange,
} from './range';
export { scopeCondition, isUuid, isWorkspaceScope, type AnalyticsScope, type WorkspaceScope, type PlatformScope } from './scope';
export {
  CALL_STATUSES,
  TERMINAL_STATUSES,
  CALL_DIRECTIONS,
  SENTIMENTS,
  filtersWithout,
  type CallFilters,
  type CallStatus,
  type CallDirection,
  type Sentiment,
} from './filters';
export type { SentimentShares } from './series';
export type { FigureCounts } from './call-aggregates';
export { getWorkspaceOverview, type WorkspaceOverview, type OverviewFigures } from './workspace-overview';
export { getCallAnalytics, type CallAnalytics, type AgentLeaderboardRow } from './call-analytics';
export { listCallProviders } from './call-providers';
export { getCallBreakdown, type BreakdownDimension, type CallBreakdownRow } from './call-breakdown';
export { getAgentPerformance, type AgentPerformance } from './agent-performance';
export { getPlatformOverview, type PlatformOverview, type PlatformRangeFigures, type TopWorkspace } from './platform-overview';
export { getProviderAnalytics, type ProviderAnalyticsRow } from './provider-analytics';
export {
  getUsageSummary,
  type UsageSummary,
  type UsageSummaryLine,
  type UsageSummaryTarget,
  type BillingPeriodInfo,
} from './usage-summary';
export { getMrrByTier, type MrrByTierRow } from './mrr-by-tier';
export { getRevenueByMonth, lastCalendarMonths, type RevenueMonth } from './revenue-by-month';
export { getWorkspaceList, type WorkspaceListRow } from './workspace-list';
export { getWorkspaceRangeTotals, type WorkspaceRangeTotals } from './workspace-month';
export { getWindowFigures, type WindowFigures, type WindowFilters } from './window-figures';
export { GRANULARITIES, MAX_HOURLY_DAYS, chooseGranularity, listBuckets, bucketKey, type Bucket, type Granularity } from './buckets';
export { getCallsOverTime, type CallsOverTime, type CallsOverTimePoint } from './calls-over-time';
