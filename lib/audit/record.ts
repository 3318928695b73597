import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Who did something: a signed-in person, or a named non-person (the CLI, a job). */
export type AuditActor = { userId: string | null; label: string; ip: string | null };

export const CLI_ACTOR: AuditActor = { userId: null, label: 'cli', ip: null };
export const jobActor = (job: string): AuditActor => ({ userId: null, label: `job:${job}`, ip: null });

export type AuditEntry = {
  actor: AuditActor;
  /** Dotted verb: `api_key.created`, `connector.secret_rotated`, `billing_period.paid`. */
  action: string;
  workspaceId: string | null;
  targetType: string;
  targetId?: string | null;
  /** What changed, for people to read. Never a secret, a key or a password. */
  details?: Prisma.InputJsonValue;
};

/** A Prisma client or the client of an interactive transaction. */
type Writer = Pick<Db, 'auditLog'>;

/**
 * Appends one entry. Call it with the transaction client of the change it records, so the
 * change and its trail commit together or not at all.
 */
export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: auditRow(entry) });
}

/** Appends several entries in one statement (a job finalizing a year of invoices), same rules. */
export async function recordAuditEntries(db: Writer, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.createMany({ data: entries.map(auditRow) });
}

function auditRow(entry: AuditEntry) {
  return {
    workspaceId: entry.workspaceId,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label.slice(0, 320),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: entry.actor.ip,
  };
}

/** A signed-in caller as an audit actor. */
export function callerActor(caller: { userId: string; email: string }, ip: string | null): AuditActor {
  return { userId: caller.userId, label: caller.email, ip };
}
