'use client';

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describePoints, isAllZero, type ChartPoint } from '@/lib/charts/series';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, valueAxisProps, type ValueFormat } from './chart-theme';
import type { Explanation } from '@/lib/definitions';

export type TrendChartCardProps = {
  title: string;
  definition?: Explanation;
  /** One point per bucket (day, week or month), in order (lib/charts/trend trendPoints). */
  points: ChartPoint[];
  height?: number;
  categoryHeader?: string;
  valueHeader: string;
  valueFormat?: ValueFormat;
  empty: { title: string; description?: string };
};

type DrawnPoint = ChartPoint & { solid: number | null; dashed: number | null };

/**
 * A partial bucket (the range covers only part of it: today so far, a range starting
 * mid-day) is drawn with a dashed line and a hollow dot, and said in the tooltip and the
 * table, so a short first or last point never passes for a real dip.
 */
function drawn(points: ChartPoint[]): DrawnPoint[] {
  return points.map((point, i) => {
    const nearPartial = Boolean(point.partial || points[i - 1]?.partial || points[i + 1]?.partial);
    return { ...point, solid: point.partial ? null : point.value, dashed: nearPartial ? point.value : null };
  });
}

/** A trend as an area chart, with table fallback. */
export function TrendChartCard({ title, definition, points, height = 240, categoryHeader = 'Date', valueHeader, valueFormat = 'count', empty }: TrendChartCardProps) {
  const data = drawn(points);
  const anyPartial = points.some((point) => point.partial);
  return (
    <ChartFrame
      title={title}
      definition={definition}
      summary={`${describePoints(title, points)}${anyPartial ? `, ${points.filter((p) => p.partial).length} partial` : ''}`}
      table={{ columns: [categoryHeader, valueHeader], rows: points.map((point) => ({ key: point.key, cells: [point.partial ? `${point.label} (${point.partial})` : point.label, point.display] })) }}
      height={height}
      empty={points.length === 0 || isAllZero(points) ? empty : null}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <ComposedChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={16} />
          <YAxis {...valueAxisProps(points.map((point) => point.value), valueFormat)} stroke={CHART_COLORS.axis} fontSize={11} width={52} />
          <Tooltip
            labelFormatter={(labelText, payload) => {
              const point = payload?.[0]?.payload as ChartPoint | undefined;
              return point?.partial ? `${String(labelText)} (${point.partial})` : String(labelText);
            }}
            formatter={(_value, _name, item) => [(item.payload as ChartPoint).display, valueHeader]}
          />
          <Area type="linear" dataKey="solid" name={valueHeader} stroke={CHART_COLORS.bar} fill={CHART_COLORS.bar} fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
          {anyPartial ? (
            <Line
              type="linear"
              dataKey="dashed"
              name={`${valueHeader} (partial)`}
              legendType="none"
              tooltipType="none"
              stroke={CHART_COLORS.bar}
              strokeWidth={2}
              strokeDasharray="4 3"
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number }) =>
                props.index !== undefined && points[props.index]?.partial && props.cx !== undefined && props.cy !== undefined ? (
                  <circle key={props.index} cx={props.cx} cy={props.cy} r={4} fill="white" stroke={CHART_COLORS.bar} strokeWidth={2} />
                ) : (
                  <g key={props.index} />
                )
              }
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
