import type { Db } from '@/lib/db';
import { isUuid, scopeCondition, type WorkspaceScope } from '@/lib/analytics';
import type { CallListRow } from './list';

export const FIND_LIMIT = 50;

export type FoundCalls = { kind: 'id'; callId: string } | { kind: 'caller'; digits: string; items: Pick<CallListRow, 'id' | 'startedAt' | 'callerNumber' | 'status' | 'durationSeconds' | 'cost' | 'intent'>[] } | { kind: 'none' };

/**
 * "Find a call" by its id or its caller's number, in one workspace, whatever the date:
 * an id that is one of the workspace's calls opens it; otherwise the digits typed match
 * anywhere in the caller number ignoring spaces, dashes and brackets ("555 123" finds
 * +1 (555) 123-4567), newest first, at most FIND_LIMIT calls.
 */
export async function findCalls(db: Db, scope: WorkspaceScope, query: string): Promise<FoundCalls> {
  const text = query.trim();
  if (isUuid(text as unknown)) {
    const [row] = await db.$queryRaw<{ id: string }[]>`
      SELECT c.id::text AS id FROM calls c WHERE ${scopeCondition(scope, 'c.workspace_id')} AND c.id = ${text.toLowerCase()}::uuid`;
    // Another workspace's id answers exactly like an unknown one.
    return row ? { kind: 'id', callId: row.id } : { kind: 'none' };
  }
  const digits = text.replace(/[^0-9]/g, '');
  if (digits.length < 3) return { kind: 'none' };
  const rows = await db.$queryRaw<{ id: string; started_at: Date; caller_number: string | null; status: CallListRow['status']; duration_seconds: number | null; cost: string; intent: string | null }[]>`
    SELECT c.id::text AS id, c.started_at, c.caller_number, c.status::text AS status, c.duration_seconds,
           round(c.cost_total, 6)::text AS cost, c.intent
    FROM calls c
    WHERE ${scopeCondition(scope, 'c.workspace_id')}
      AND regexp_replace(coalesce(c.caller_number, ''), '[^0-9]', '', 'g') LIKE ${`%${digits}%`}
    ORDER BY c.started_at DESC, c.id DESC
    LIMIT ${FIND_LIMIT}`;
  return {
    kind: 'caller',
    digits,
    items: rows.map((row) => ({ id: row.id, startedAt: row.started_at, callerNumber: row.caller_number, status: row.status, durationSeconds: row.duration_seconds, cost: row.cost, intent: row.intent })),
  };
}
