'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describePoints, isAllZero, type ChartPoint } from '@/lib/charts/series';
import { nextSearch } from '@/lib/charts/url';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, TONE_COLORS, valueAxisProps, type ValueFormat } from './chart-theme';
import type { Explanation } from '@/lib/definitions';

export type BarSelect = {
  /** The search param a bar sets to its point's `filter` (e.g. "agentId", "status"). */
  param: string;
  /** Navigate to another page (e.g. the calls page) instead of filtering this one. */
  pathname?: string;
  /** Accessible verb for the bar's link or toggle, e.g. "Show calls of". */
  label: string;
  /** What the filter is called on its "clear" chip, e.g. "Status". */
  name?: string;
};

export type BarChartCardProps = {
  title: string;
  definition?: Explanation;
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

/**
 * A bar chart from prepared points (lib/charts), with table fallback and optional
 * click-to-filter. Cross-filtering (issue 15 #4): on the page it filters, the chart is fed
 * without its own dimension's filter, so every bar stays; the chosen one is marked, the
 * others dimmed, and a "clear" chip removes the filter. In the table fallback every bar is
 * a toggle button (aria-pressed), so keyboard and screen-reader users choose bars too.
 */
export function BarChartCard({ title, definition, points, orientation = 'columns', height = 240, categoryHeader, valueHeader, valueFormat = 'count', select, empty }: BarChartCardProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const selected = points.find((point) => point.highlighted);
  // Filtering this page: bars toggle the filter. Elsewhere (overview → calls): bars are links.
  const inPlace = select !== undefined && select.pathname === undefined;

  const hrefFor = (point: ChartPoint) => {
    if (!select || point.filter === undefined) return null;
    const value = inPlace && point.highlighted ? null : point.filter;
    return `${select.pathname ?? pathname}${nextSearch(searchParams.toString(), { [select.param]: value })}`;
  };
  const go = (href: string | null) => {
    if (href) router.push(href, { scroll: !inPlace });
  };
  const clearHref = select && selected ? `${pathname}${nextSearch(searchParams.toString(), { [select.param]: null })}` : null;

  const table = {
    columns: [categoryHeader, valueHeader],
    rows: points.map((point) => {
      const href = hrefFor(point);
      const label = !href ? (
        point.label
      ) : inPlace ? (
        <button
          type="button"
          aria-pressed={point.highlighted === true}
          onClick={() => go(href)}
          className={`rounded px-1 text-left text-brand-700 underline-offset-2 hover:underline ${point.highlighted ? 'font-semibold' : ''}`}
        >
          <span className="sr-only">{select?.label} </span>
          {point.label}
        </button>
      ) : (
        <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
          <span className="sr-only">{select?.label} </span>
          {point.label}
        </Link>
      );
      return { key: point.key, cells: [label, point.partial ? `${point.display} (${point.partial})` : point.display] };
    }),
  };

  const hatchId = `hatch-${useId().replace(/:/g, '')}`;
  const colorOf = (point: ChartPoint) => (point.tone ? TONE_COLORS[point.tone] : point.highlighted ? CHART_COLORS.selected : CHART_COLORS.bar);
  const fill = (point: ChartPoint) => (point.partial && !selected ? `url(#${hatchId})` : colorOf(point));
  const valueAxis = valueAxisProps(points.map((point) => point.value), valueFormat);
  const horizontal = orientation === 'bars';
  const chip =
    clearHref && selected ? (
      <button
        type="button"
        onClick={() => go(clearHref)}
        className="inline-flex min-h-6 items-center gap-1 rounded-full border border-brand-200 bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 hover:bg-brand-100"
      >
        <span>
          {select?.name ?? categoryHeader}: {selected.label}
        </span>
        <span aria-hidden="true">✕</span>
        <span className="sr-only">(clear this filter)</span>
      </button>
    ) : null;

  return (
    <ChartFrame
      title={title}
      definition={definition}
      summary={describePoints(title, points)}
      table={table}
      height={height}
      actions={chip}
      empty={points.length === 0 || isAllZero(points) ? empty : null}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        {/* Horizontal bars keep room on the right for the last value tick's label ("100", "50%"), else cut off. */}
        <BarChart data={points} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 4, right: horizontal ? 20 : 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
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
              <XAxis type="number" {...valueAxis} stroke={CHART_COLORS.axis} fontSize={11} />
              <YAxis type="category" dataKey="label" width={128} stroke={CHART_COLORS.axis} fontSize={11} interval={0} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={4} />
              <YAxis type="number" {...valueAxis} stroke={CHART_COLORS.axis} fontSize={11} width={48} />
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
            onClick={(_data, index) => go(points[index] ? hrefFor(points[index]) : null)}
          >
            {points.map((point) => (
              <Cell
                key={point.key}
                fill={fill(point)}
                // The chosen bar is outlined; the others are dimmed, never hidden.
                fillOpacity={selected && !point.highlighted ? 0.35 : 1}
                stroke={point.highlighted ? CHART_COLORS.selected : undefined}
                strokeWidth={point.highlighted ? 2 : 0}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
