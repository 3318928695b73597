import { describe, expect, it } from 'vitest';
import type { AgentLeaderboardRow } from '@/lib/analytics';
import { describePoints, directionPoints, hourPoints, isAllZero, leaderboardPoints, providerCostPoints, sentimentPoints, statusPoints } from './series';

const row = (agentId: string | null, agentName: string | null, count: number): AgentLeaderboardRow => ({
  agentId,
  agentName,
  agentDeleted: false,
  count,
  completed: count,
  terminal: count,
  successRate: 100,
  totalMinutes: count,
  cost: '1.000000',
});

describe('chart series', () => {
  it('pads the hour histogram to exactly 24 local hours in order', () => {
    const points = hourPoints([{ hour: 23, count: 4 }, { hour: 2, count: 7 }], 2);
    expect(points).toHaveLength(24);
    expect(points.map((p) => p.key)).toEqual(Array.from({ length: 24 }, (_, h) => String(h)));
    expect(points[2]).toMatchObject({ label: '02:00', value: 7, highlighted: true });
    expect(points[23]).toMatchObject({ value: 4, highlighted: false });
    expect(points[0]!.value).toBe(0);
  });


  it('keeps the leaderboard order, names missing agents and links bars to the agent filter', () => {
    const points = leaderboardPoints([row('a', 'Zed', 9), row('b', null, 5), row(null, null, 1)], 10, 'b');
    expect(points.map((p) => p.label)).toEqual(['Zed', 'Deleted agent', 'No agent']);
    expect(points.map((p) => p.filter)).toEqual(['a', 'b', undefined]);
    expect(points.map((p) => p.highlighted)).toEqual([false, true, false]);
    expect(leaderboardPoints([row('a', 'A', 3), row('b', 'B', 2)], 1)).toHaveLength(1);
  });

  it('orders provider cost by exact decimal, largest first, ties by name', () => {
    const points = providerCostPoints({ vapi: '10.000001', bland: '10.000000', retell: '10.000000', tiny: '0.500000' });
    expect(points.map((p) => p.key)).toEqual(['vapi', 'bland', 'retell', 'tiny']);
    expect(points[0]!.display).toBe('$10.00');
  });

  it('leaves out statuses without calls, keeps both directions', () => {
    const byStatus = { queued: 0, ringing: 0, in_progress: 1, completed: 5, failed: 2, no_answer: 0, busy: 0, canceled: 0 };
    expect(statusPoints(byStatus, 'failed').map((p) => [p.key, p.value, p.highlighted])).toEqual([
      ['completed', 5, false],
      ['failed', 2, true],
      ['in_progress', 1, false],
    ]);
    expect(directionPoints({ inbound: 0, outbound: 3 }).map((p) => p.value)).toEqual([0, 3]);
  });

  it('shows sentiment shares rounded for display only', () => {
    const points = sentimentPoints({ positive: 33.3333, neutral: 33.3333, negative: 33.3334 });
    expect(points.map((p) => p.display)).toEqual(['33.3%', '33.3%', '33.3%']);
    expect(points[2]!.value).toBe(33.3334);
  });

  it('describes a chart for its accessible name', () => {
    const points = hourPoints([{ hour: 14, count: 1200 }]);
    expect(describePoints('Calls by hour', points)).toBe('Calls by hour: 24 values, highest 14:00 (1,200)');
    expect(isAllZero(hourPoints([]))).toBe(true);
    expect(describePoints('Calls by hour', hourPoints([]))).toBe('Calls by hour: no data');
  });
});
