import type { Db } from '@/lib/db';

/** Alert history and what is firing now, per workspace (null: the platform's rules). */

export async function listAlertHistory(db: Db, workspaceId: string | null, limit = 100) {
  const rows = await db.alertEvent.findMany({ where: { workspaceId }, orderBy: [{ firedAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((e) => ({
    id: e.id,
    rule_id: e.ruleId,
    rule_name: e.ruleName,
    metric: e.metric,
    comparator: e.comparator,
    threshold: Number(e.threshold),
    subject: e.subject,
    fired_at: e.firedAt,
    value: e.value,
    calls: e.calls,
    resolved_at: e.resolvedAt,
    resolved_reason: e.resolvedReason,
    resolved_value: e.resolvedValue,
    notifications: e.notifications,
    state: e.resolvedAt ? ('resolved' as const) : ('firing' as const),
  }));
}

/** Open alerts: the header badge shows this count while it is above 0. */
export async function countFiring(db: Db, workspaceId: string | null): Promise<number> {
  return db.alertEvent.count({ where: { workspaceId, resolvedAt: null } });
}

/** The last outbox messages of a workspace (or of one rule): "last deliveries" in Settings. */
export async function listDeliveries(db: Db, workspaceId: string | null, options: { ruleId?: string; kindPrefix?: string; limit?: number } = {}) {
  const rows = await db.outboxMessage.findMany({
    where: { workspaceId, ...(options.ruleId ? { ruleId: options.ruleId } : {}), ...(options.kindPrefix ? { kind: { startsWith: options.kindPrefix } } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 20,
    select: { id: true, channel: true, kind: true, ruleId: true, status: true, attempts: true, createdAt: true, sentAt: true, nextAttemptAt: true, lastError: true, lastStatusCode: true, payload: true },
  });
  return rows.map((r) => {
    const payload = r.payload as { to?: string[]; url?: string };
    return {
      id: r.id,
      channel: r.channel as 'email' | 'webhook',
      kind: r.kind,
      rule_id: r.ruleId,
      status: r.status as 'pending' | 'sending' | 'sent' | 'failed',
      attempts: r.attempts,
      created_at: r.createdAt,
      sent_at: r.sentAt,
      next_attempt_at: r.status === 'pending' ? r.nextAttemptAt : null,
      last_error: r.lastError,
      last_status_code: r.lastStatusCode,
      // Where it went: addresses, or the webhook's origin (a URL's path and query may hold a token).
      target: r.channel === 'email' ? (payload.to ?? []).join(', ') : payload.url ? new URL(payload.url).origin : '',
    };
  });
}
