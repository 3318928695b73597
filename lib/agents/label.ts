/**
 * How an agent is named everywhere (tables, charts, filters, call detail, exports,
 * reports): its name, with "(deleted)" once it was deleted (its calls stay and still
 * count); "No agent" for calls that never had one; "Deleted agent" only when the agent
 * row itself is gone.
 */
export function agentDisplayName(agent: { agentId: string | null; agentName: string | null; agentDeleted: boolean }): string {
  if (agent.agentName !== null) return agent.agentDeleted ? `${agent.agentName} (deleted)` : agent.agentName;
  return agent.agentId === null ? 'No agent' : 'Deleted agent';
}
