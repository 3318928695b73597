import { z } from 'zod';
import { Prisma, type Db } from '@/lib/db';
import type { WorkspaceStatus } from '@/lib/generated/prisma/enums';
import type { Caller } from './caller';
import { hasRole, type Role } from './roles';

export type AccessibleWorkspace = { id: string; name: string; slug: string; timezone: string; status: WorkspaceStatus };

export type WorkspaceAccess = {
  workspace: AccessibleWorkspace;
  /** The caller's membership role; null for a platform admin who is not a member. */
  role: Role | null;
  isPlatformAdmin: boolean;
};

const workspaceId = z.guid();
const workspaceSelect = { id: true, name: true, slug: true, timezone: true, status: true } as const;

/**
 * The caller's access to one workspace, or null when the id is malformed, the workspace
 * does not exist, or the caller is neither a member nor a platform admin. The three are
 * deliberately one answer so that another workspace's id reveals nothing.
 */
export async function findWorkspaceAccess(db: Db, caller: Caller, id: unknown): Promise<WorkspaceAccess | null> {
  const parsed = workspaceId.safeParse(id);
  // Stryker disable next-line ConditionalExpression: without the guard a malformed id reaches the query as NULL and matches no row, so the answer is the same null; the guard keeps it out of SQL
  if (!parsed.success) return null;
  // One statement (it runs before every workspace request): the workspace and the caller's
  // membership of it, if any; (user_id, workspace_id) is unique, so at most one row.
  const [row] = await db.$queryRaw<(AccessibleWorkspace & { role: Role | null })[]>(Prisma.sql`
    SELECT w."id"::text, w."name", w."slug", w."timezone", w."status"::text AS "status", m."role"::text AS "role"
    FROM "workspaces" w LEFT JOIN "memberships" m ON m."workspace_id" = w."id" AND m."user_id" = ${caller.userId}::uuid
    WHERE w."id" = ${parsed.data}::uuid`);
  if (!row) return null;
  const { role, ...workspace } = row;
  if (!role && !caller.isPlatformAdmin) return null;
  return { workspace, role, isPlatformAdmin: caller.isPlatformAdmin };
}

/** Platform admins pass every role check; members need at least `required`. */
export function allows(access: WorkspaceAccess, required: Role): boolean {
  return access.isPlatformAdmin || (access.role !== null && hasRole(access.role, required));
}

/** The workspaces a caller may open: their memberships, or every workspace for a platform admin. */
export async function listAccessibleWorkspaces(db: Db, caller: Caller): Promise<(AccessibleWorkspace & { role: Role | null })[]> {
  const rows = await db.workspace.findMany({
    where: caller.isPlatformAdmin ? {} : { memberships: { some: { userId: caller.userId } } },
    select: { ...workspaceSelect, memberships: { where: { userId: caller.userId }, select: { role: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map(({ memberships, ...fields }) => ({ ...fields, role: memberships[0]?.role ?? null }));
}
