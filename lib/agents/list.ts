import type { Db } from '@/lib/db';
import { getCallAnalytics, type TimeRange, type WorkspaceScope } from '@/lib/analytics';

export type AgentListRow = {
  id: string;
  name: string;
  createdAt: Date;
  deletedAt: Date | null;
  /** Figures of the range, by the leaderboard's definitions (METRICS.md). */
  calls: number;
  completed: number;
  terminal: number;
  successRate: number;
  totalMinutes: number;
  cost: string;
};

/**
 * Every agent of the workspace, deleted ones included (flagged by deletedAt), with its
 * figures for the range. The figures come from the call-analytics leaderboard so that
 * the agents page and the calls page can never disagree; agents without calls get zeros.
 */
export async function listAgents(db: Db, scope: WorkspaceScope, range: TimeRange): Promise<AgentListRow[]> {
  const [agents, analytics] = await Promise.all([
    db.voiceAgent.findMany({
      where: { workspaceId: scope.workspaceId },
      select: { id: true, name: true, createdAt: true, deletedAt: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    getCallAnalytics(db, scope, range),
  ]);
  const figures = new Map(analytics.callsByAgent.filter((row) => row.agentId !== null).map((row) => [row.agentId!, row]));
  return agents.map((agent) => {
    const row = figures.get(agent.id);
    return {
      ...agent,
      calls: row?.count ?? 0,
      completed: row?.completed ?? 0,
      terminal: row?.terminal ?? 0,
      successRate: row?.successRate ?? 0,
      totalMinutes: row?.totalMinutes ?? 0,
      cost: row?.cost ?? '0.000000',
    };
  });
}
