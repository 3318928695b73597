'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, valueAxisProps } from '@/components/ui';
import { formatLatency } from '@/lib/admin/format';
import { providerName } from '@/lib/providers/brands';

export const PROVIDER_COLORS = ['#2f6fed', '#0f766e', '#c2410c', '#7c3aed', '#be185d', '#4d7c0f'];

/** Daily mean latency, one line per provider; days without checks are gaps. */
export function LatencyChart({ data, providers, height }: { data: Record<string, string | number | null>[]; providers: string[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={16} />
        <YAxis {...valueAxisProps(data.flatMap((row) => providers.map((p) => row[p]).filter((v): v is number => typeof v === 'number')), 'ms')} stroke={CHART_COLORS.axis} fontSize={11} width={60} />
        <Tooltip formatter={(value) => formatLatency(typeof value === 'number' ? value : null)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {providers.map((provider, i) => (
          <Line key={provider} type="monotone" dataKey={provider} name={providerName(provider)} stroke={PROVIDER_COLORS[i % PROVIDER_COLORS.length]} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
