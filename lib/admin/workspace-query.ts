import { z } from 'zod';
import { adminRangeQuerySchema, once } from '@/lib/api';

export const WORKSPACE_SORTS = ['name', 'tier', 'status', 'calls', 'revenue', 'mrr'] as const;
export type WorkspaceSort = (typeof WORKSPACE_SORTS)[number];
export const WORKSPACE_ORDERS = ['asc', 'desc'] as const;
export type WorkspaceOrder = (typeof WORKSPACE_ORDERS)[number];

export type WorkspaceDirectoryQuery = { q: string; sort: WorkspaceSort; order: WorkspaceOrder };

/** Text columns read A→Z first, figures largest first. */
export function defaultOrder(sort: WorkspaceSort): WorkspaceOrder {
  return sort === 'name' || sort === 'tier' || sort === 'status' ? 'asc' : 'desc';
}

const listOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

/** `q` (search, ≤ 100 characters), `sort`, `order`: the workspace list's own parameters. */
export const workspaceDirectoryShapeSchema = z
  .object({
    q: once(z.string().max(100, 'must be at most 100 characters')).optional(),
    sort: once(z.enum(WORKSPACE_SORTS, listOf(WORKSPACE_SORTS))).optional(),
    order: once(z.enum(WORKSPACE_ORDERS, listOf(WORKSPACE_ORDERS))).optional(),
  })
  .transform((value): WorkspaceDirectoryQuery => {
    const sort = value.sort ?? 'revenue';
    return { q: value.q ?? '', sort, order: value.order ?? defaultOrder(sort) };
  });

/**
 * The workspace list's query string, for the page's searchParams and for
 * GET /api/admin/workspaces alike: the platform range (period | from&to, timeZone; UTC by
 * default) plus search and sort.
 */
export const workspaceDirectoryQuerySchema = z.intersection(adminRangeQuerySchema, workspaceDirectoryShapeSchema);
export type WorkspaceDirectoryParams = z.output<typeof workspaceDirectoryQuerySchema>;
