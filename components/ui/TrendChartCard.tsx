'use client';

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describePoints, isAllZero, type ChartPoint } from '@/lib/charts/series';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, valueAxisProps, type ValueFormat } from './chart-theme';
import type { Explanation } from '@/lib/definitions';

export type TrendChartCardProps = {
  title: string;
  definition?: Explanation;
  /** One point per local date, in order (lib/charts costTrendPoints / callTrendPoints). */
  points: ChartPoint[];
  height?: number;
  categoryHeader?: string;
  valueHeader: string;
  valueFormat?: ValueFormat;
  empty: { title: string; description?: string };
};

/** A daily trend as an area chart, with table fallback. */
export function TrendChartCard({ title, definition, points, height = 240, categoryHeader = 'Date', valueHeader, valueFormat = 'count', empty }: TrendChartCardProps) {
  return (
    <ChartFrame
      title={title}
      definition={definition}
      summary={describePoints(title, points)}
      table={{ columns: [categoryHeader, valueHeader], rows: points.map((point) => ({ key: point.key, cells: [point.label, point.display] })) }}
      height={height}
      empty={points.length === 0 || isAllZero(points) ? empty : null}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={16} />
          <YAxis {...valueAxisProps(points.map((point) => point.value), valueFormat)} stroke={CHART_COLORS.axis} fontSize={11} width={52} />
          <Tooltip formatter={(_value, _name, item) => [(item.payload as ChartPoint).display, valueHeader]} />
          <Area type="linear" dataKey="value" name={valueHeader} stroke={CHART_COLORS.bar} fill={CHART_COLORS.bar} fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
