/** Shared UI primitives: generic, no dashboard knowledge. Import from '@/components/ui'. */
export { Card, type CardProps } from './Card';
export { KpiCard, type KpiCardProps } from './KpiCard';
export { Definition } from './Definition';
export { Skeleton, CardSkeleton, KpiSkeleton } from './Skeleton';
export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { ErrorBoundary } from './ErrorBoundary';
export { CardSlot } from './CardSlot';
export { ChartFrame, type ChartFrameProps, type ChartTable } from './ChartFrame';
export { BarChartCard, type BarChartCardProps, type BarSelect } from './BarChartCard';
export { TrendChartCard, type TrendChartCardProps } from './TrendChartCard';
export { DataTable, type Column, type DataTableProps } from './DataTable';
export { RangePicker } from './RangePicker';
export { PageHeader } from './PageHeader';
export { Pager } from './Pager';
export { valueAxisProps, CHART_COLORS, TONE_COLORS, type ValueFormat } from './chart-theme';
