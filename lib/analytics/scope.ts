import { Prisma } from '@/lib/db';

/**
 * Tenancy. Every analytics function receives an already-authorised scope and every
 * query ANDs in the condition built here, so a query cannot be written without it.
 */
export type WorkspaceScope = { workspaceId: string };
export type PlatformScope = { platform: true };
export type AnalyticsScope = WorkspaceScope | PlatformScope;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Columns that carry a workspace id, by table alias: the only identifiers a scope may name. */
const SCOPE_COLUMNS = {
  workspace_id: Prisma.raw('workspace_id'),
  'c.workspace_id': Prisma.raw('c.workspace_id'),
  'u.workspace_id': Prisma.raw('u.workspace_id'),
  'a.workspace_id': Prisma.raw('a.workspace_id'),
  'b.workspace_id': Prisma.raw('b.workspace_id'),
  'e.workspace_id': Prisma.raw('e.workspace_id'),
  'w.id': Prisma.raw('w.id'),
} as const;
export type ScopeColumn = keyof typeof SCOPE_COLUMNS;

const DENY = Prisma.sql`1=0`;

/**
 * The SQL condition for a scope. Fails closed: anything that is not exactly a workspace
 * scope with a valid id or the platform scope matches no row at all.
 */
export function scopeCondition(scope: unknown, column: ScopeColumn = 'workspace_id'): Prisma.Sql {
  const target = Object.hasOwn(SCOPE_COLUMNS, column) ? SCOPE_COLUMNS[column] : undefined;
  if (!target || !scope || typeof scope !== 'object') return DENY;
  const candidate = scope as Record<string, unknown>;
  const keys = Object.keys(candidate);
  if (keys.length === 1 && keys[0] === 'platform' && candidate.platform === true) return Prisma.sql`TRUE`;
  if (keys.length === 1 && keys[0] === 'workspaceId' && isUuid(candidate.workspaceId)) {
    return Prisma.sql`${target} = ${candidate.workspaceId}::uuid`;
  }
  return DENY;
}

export function isWorkspaceScope(scope: AnalyticsScope): scope is WorkspaceScope {
  return 'workspaceId' in scope;
}
