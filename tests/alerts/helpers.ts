import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import { CLI_ACTOR } from '@/lib/audit';
import { createRule } from '@/lib/alerts';
import { workspaceRuleBody } from '@/lib/alerts/schema';

// Rule webhooks seal their signing secret; one random key per test process.
process.env.SECRETS_KEY ||= randomBytes(32).toString('base64');

export const at = (iso: string) => new Date(iso);
export const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

type CallSpec = { at: Date; status?: 'completed' | 'failed' | 'no_answer' | 'in_progress'; sentiment?: 'positive' | 'negative' | 'neutral' | null; responseMs?: number | null; agentId?: string | null; provider?: string; cost?: string };

let seq = 0;
export async function addCalls(db: Db, workspaceId: string, calls: CallSpec[]): Promise<void> {
  await db.call.createMany({
    data: calls.map((c) => ({
      workspaceId,
      agentId: c.agentId ?? null,
      callerNumber: `+1555${String(seq++).padStart(6, '0')}`,
      direction: 'inbound' as const,
      status: c.status ?? 'completed',
      durationSeconds: 60,
      startedAt: c.at,
      sentiment: c.sentiment ?? null,
      avgResponseMs: c.responseMs ?? null,
      voiceProviderUsed: c.provider ?? 'twilio',
      costTotal: c.cost ?? '1.500000',
    })),
  });
}

export async function addUsage(db: Db, workspaceId: string, rows: { at: Date; billed: string; provider?: string }[]): Promise<void> {
  await db.usageRecord.createMany({
    data: rows.map((r) => ({ workspaceId, provider: r.provider ?? 'twilio', usageType: 'telephony_minutes', quantity: '1', totalCost: '0.500000', finalCost: r.billed, createdAt: r.at })),
  });
}

/** Creates a rule through the same code as the API (validated by the API's schema). */
export async function rule(db: Db, workspaceId: string, body: Record<string, unknown>, now: Date) {
  const parsed = workspaceRuleBody.parse({ name: 'rule', window_minutes: 60, comparator: 'gt', min_calls: 0, channels: [], ...body });
  return createRule(db, workspaceId, parsed, CLI_ACTOR, now);
}
