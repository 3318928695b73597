/** Subscriptions and MRR over time: one figure family per file, all read from subscription_history. */
export {
  addMonths,
  calendarMonths,
  isCalendarMonth,
  loadSubscriptionEvents,
  monthOf,
  mrrAt,
  mrrByWorkspaceAt,
  MAX_MONTHS,
  type CalendarMonth,
  type SubscriptionEvent,
  type SubscriptionStatus,
} from './history';
export { classifyMovements, mrrMovements, MOVEMENT_TYPES, type Movement, type MovementType, type MrrMonth } from './movements';
export { churnByMonth, type ChurnMonth } from './churn';
export { cohortRetention, type CohortRow } from './cohorts';
export { unitEconomics, LTV_CHURN_MONTHS, type UnitEconomicsMonth } from './unit-economics';
export { getMrrReport, defaultMonths, type MrrReport } from './report';
