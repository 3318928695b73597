'use client';

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useId } from 'react';
import { ChartFrame } from '@/components/ui/ChartFrame';
import { CHART_COLORS, TONE_COLORS, valueAxisProps } from '@/components/ui/chart-theme';
import type { Granularity } from '@/lib/analytics';
import type { Explanation } from '@/lib/definitions';
import { describeCallsOverTime, type CallsOverTimeBar } from '@/lib/charts/calls-over-time';
import { formatCount } from '@/lib/charts/format';

const SERIES = [
  { key: 'completed', name: 'Completed', color: TONE_COLORS.good },
  { key: 'failed', name: 'Failed or not answered', color: TONE_COLORS.bad },
  { key: 'ongoing', name: 'In progress', color: TONE_COLORS.neutral },
] as const;

/** Stacked bars of calls by outcome per bucket; partial buckets are hatched and say so in tooltip and table. */
export function CallsOverTimeChart({ bars, granularity, definition, actions }: { bars: CallsOverTimeBar[]; granularity: Granularity; definition: Explanation; actions?: React.ReactNode }) {
  const id = useId().replace(/:/g, '');
  const height = 240;
  const table = {
    columns: [granularity === 'hour' ? 'Hour' : granularity === 'week' ? 'Week' : granularity === 'month' ? 'Month' : 'Date', ...SERIES.map((s) => s.name), 'Total'],
    rows: bars.map((bar) => ({
      key: bar.key,
      cells: [bar.partial ? `${bar.label} (${bar.partial})` : bar.label, formatCount(bar.completed), formatCount(bar.failed), formatCount(bar.ongoing), formatCount(bar.total)],
    })),
  };
  return (
    <ChartFrame
      title="Calls over time"
      definition={definition}
      summary={describeCallsOverTime(bars, granularity)}
      table={table}
      height={height}
      actions={actions}
      empty={bars.every((bar) => bar.total === 0) ? { title: 'No calls in this range', description: 'Choose a longer range, or check that your agents are taking calls.' } : null}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <BarChart data={bars} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <defs>
            {SERIES.map((series) => (
              // A partial bucket: the series colour in stripes, so it never passes for a real dip.
              <pattern key={series.key} id={`${id}-${series.key}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke={series.color} strokeWidth="3.5" />
              </pattern>
            ))}
          </defs>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={8} />
          <YAxis {...valueAxisProps(bars.map((bar) => bar.total))} stroke={CHART_COLORS.axis} fontSize={11} width={48} />
          <Tooltip
            cursor={{ fill: '#f1f5f9' }}
            labelFormatter={(labelText, payload) => {
              const bar = payload?.[0]?.payload as CallsOverTimeBar | undefined;
              return bar?.partial ? `${String(labelText)} (${bar.partial})` : String(labelText);
            }}
            formatter={(value, name) => [formatCount(Number(value)), name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.name} stackId="calls" fill={series.color} isAnimationActive={false} maxBarSize={28}>
              {bars.map((bar) => (
                <Cell key={bar.key} fill={bar.partial ? `url(#${id}-${series.key})` : series.color} stroke={bar.partial ? series.color : undefined} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
