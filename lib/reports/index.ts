/** Reports and exports, built on lib/analytics. */
export { buildMonthlyReport, type MonthlyReport, type ReportWorkspace } from './monthly';
export { buildExecutiveSummary, peakHours, type ExecutiveSummary } from './executive';
export { escapeMarkdown, executiveSummaryMarkdown } from './markdown';
export { monthlyReportPdf } from './pdf/monthly';
export { executiveSummaryPdf } from './pdf/executive';
export { currentMonth, monthTitle, previousMonth, previousQuarter, quarterOf, quarterTitle, reportMonthRange, reportQuarterRange } from './period';
export { formatMoney, ROUNDING_NOTE } from './format';
