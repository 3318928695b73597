'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, ChartFrame, valueAxisProps, type ChartTable } from '@/components/ui';
import { MOVEMENT_SERIES, type MrrChartPoint } from '@/lib/admin/mrr-chart-data';

/** What the axis must cover: the MRR line, and the stacked gains above and losses below 0. */
const extents = (point: MrrChartPoint) => {
  const values = MOVEMENT_SERIES.map((s) => point[s.key]);
  return [point.mrr, values.filter((v) => v > 0).reduce((a, b) => a + b, 0), values.filter((v) => v < 0).reduce((a, b) => a + b, 0)];
};
import { formatMoney } from '@/lib/charts/format';

/** MRR as a line over months, the movements as stacked bars (gains up, losses down); draws prepared data only. */
export function MrrChart({ data, summary, table, empty, definition, actions, height = 300 }: { data: MrrChartPoint[]; summary: string; table: ChartTable; empty: boolean; definition: string; actions?: React.ReactNode; height?: number }) {
  return (
    <ChartFrame
      title="MRR and movements"
      definition={definition}
      summary={summary}
      table={table}
      height={height}
      actions={actions}
      empty={empty ? { title: 'No MRR in these months', description: 'MRR appears once a workspace on a paid tier is active.' } : null}
    >
      <div data-testid="mrr-chart" style={{ height }}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          <ComposedChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} />
            <YAxis {...valueAxisProps(data.flatMap(extents), 'money')} stroke={CHART_COLORS.axis} fontSize={11} width={60} />
            <ReferenceLine y={0} stroke={CHART_COLORS.axis} />
            <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={(value) => formatMoney(Math.abs(Number(value)).toFixed(6))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {MOVEMENT_SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="movements" fill={s.color} isAnimationActive={false} />
            ))}
            <Line dataKey="mrr" name="MRR" type="monotone" stroke="#0f2a63" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
