import type { Db } from '@/lib/db';

export type AuditLogRow = {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
  ip: string | null;
};

export type AuditQuery = {
  /** A workspace's trail; null for platform-wide entries only. Omit only for platform admins' "everything". */
  workspaceId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Newest first; at most 500. */
  limit?: number;
};

const MAX_LIMIT = 500;

/** Audit entries, newest first. Callers authorise the workspace before asking. */
export async function listAuditEntries(db: Db, query: AuditQuery): Promise<AuditLogRow[]> {
  return db.auditLog.findMany({
    where: {
      ...(query.workspaceId !== undefined ? { workspaceId: query.workspaceId } : {}),
      ...(query.targetType !== undefined ? { targetType: query.targetType } : {}),
      ...(query.targetId !== undefined ? { targetId: query.targetId } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(1, query.limit ?? 100), MAX_LIMIT),
    select: { id: true, createdAt: true, actorLabel: true, action: true, targetType: true, targetId: true, details: true, ip: true },
  });
}
