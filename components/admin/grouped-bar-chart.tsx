'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, valueAxisProps } from '@/components/ui';
import { formatMoney } from '@/lib/charts/format';

export type BarSeries = { key: string; name: string; color: string };

/** Money bars side by side per category (cost and revenue per provider); draws prepared data only. */
export function GroupedMoneyBarChart({ data, categoryKey, series, height }: { data: Record<string, string | number>[]; categoryKey: string; series: BarSeries[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey={categoryKey} stroke={CHART_COLORS.axis} fontSize={11} />
        <YAxis {...valueAxisProps(data.flatMap((row) => series.map((s) => Number(row[s.key]) || 0)), 'money')} stroke={CHART_COLORS.axis} fontSize={11} width={56} />
        <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={(value) => formatMoney(Number(value).toFixed(6))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
