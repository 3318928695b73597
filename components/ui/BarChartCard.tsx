'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describePoints, isAllZero, type ChartPoint } from '@/lib/charts/series';
import { nextSearch } from '@/lib/charts/url';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, tickFormatter, type ValueFormat } from './chart-theme';

export type BarSelect = {
  /** The search param a bar sets to its point's `filter` (e.g. "agentId", "status"). */
  param: string;
  /** Navigate to another page (e.g. the calls page) instead of the current one. */
  pathname?: string;
  /** Accessible verb for the table fallback's links, e.g. "Show calls of". */
  label: string;
};

export type BarChartCardProps = {
  title: string;
  definition?: string;
  points: ChartPoint[];
  /** "columns": vertical bars with categories along x (hours, statuses); "bars": horizontal bars, categories down y (agents). */
  orientation?: 'columns' | 'bars';
  height?: number;
  categoryHeader: string;
  valueHeader: string;
  valueFormat?: ValueFormat;
  select?: BarSelect;
  /** Why there is nothing to show, used when there are no points or all are 0. */
  empty: { title: string; description?: string };
};

/** A bar chart from prepared points (lib/charts), with table fallback and optional click-to-filter. */
export function BarChartCard({ title, definition, points, orientation = 'columns', height = 240, categoryHeader, valueHeader, valueFormat = 'count', select, empty }: BarChartCardProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const anySelected = points.some((point) => point.highlighted);

  const hrefFor = (point: ChartPoint) => {
    if (!select || point.filter === undefined) return null;
    return `${select.pathname ?? pathname}${nextSearch(searchParams.toString(), { [select.param]: point.filter })}`;
  };
  const choose = (point: ChartPoint | undefined) => {
    const href = point ? hrefFor(point) : null;
    if (!href) return;
    router.push(href, { scroll: select?.pathname === undefined ? false : true });
  };

  const table = {
    columns: [categoryHeader, valueHeader],
    rows: points.map((point) => {
      const href = hrefFor(point);
      const label = href ? (
        <Link href={href} scroll={false} className="text-brand-700 underline-offset-2 hover:underline">
          <span className="sr-only">{select?.label} </span>
          {point.label}
        </Link>
      ) : (
        point.label
      );
      return { key: point.key, cells: [label, point.partial ? `${point.display} (${point.partial})` : point.display] };
    }),
  };

  const hatchId = `hatch-${useId().replace(/:/g, '')}`;
  const fill = (point: ChartPoint) => {
    if (point.partial && !point.highlighted && !anySelected) return `url(#${hatchId})`;
    return point.highlighted ? CHART_COLORS.selected : anySelected ? CHART_COLORS.dimmed : CHART_COLORS.bar;
  };
  const format = tickFormatter(valueFormat);
  const horizontal = orientation === 'bars';

  return (
    <ChartFrame
      title={title}
      definition={definition}
      summary={describePoints(title, points)}
      table={table}
      height={height}
      empty={points.length === 0 || isAllZero(points) ? empty : null}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <BarChart data={points} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <defs>
            {/* Partial or not-final buckets: the bar's colour in stripes, so they never pass for a real dip. */}
            <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={CHART_COLORS.dimmed} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_COLORS.bar} strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={horizontal} horizontal={!horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={format} stroke={CHART_COLORS.axis} fontSize={11} allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={128} stroke={CHART_COLORS.axis} fontSize={11} interval={0} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={4} />
              <YAxis type="number" tickFormatter={format} stroke={CHART_COLORS.axis} fontSize={11} width={44} allowDecimals={false} />
            </>
          )}
          <Tooltip
            cursor={{ fill: '#f1f5f9' }}
            formatter={(_value, _name, item) => {
              const point = item.payload as ChartPoint;
              return [point.partial ? `${point.display} (${point.partial})` : point.display, valueHeader];
            }}
          />
          <Bar
            dataKey="value"
            name={valueHeader}
            radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
            maxBarSize={32}
            isAnimationActive={false}
            cursor={select ? 'pointer' : undefined}
            onClick={(_data, index) => choose(points[index])}
          >
            {points.map((point) => (
              <Cell key={point.key} fill={fill(point)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
