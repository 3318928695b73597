/** Query parameters the export understands: the Calls view's range and filters. */
export const EXPORT_VIEW_PARAMS = ['period', 'from', 'to', 'agentId', 'status', 'direction', 'provider', 'sentiment', 'hour'] as const;

/** `/api/workspaces/<id>/export?<range and filters of search>&format=<format>`. */
export function exportHref(workspaceId: string, search: string, format: 'csv' | 'json'): string {
  const current = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const query = new URLSearchParams();
  for (const key of EXPORT_VIEW_PARAMS) {
    const value = current.get(key);
    if (value) query.set(key, value);
  }
  query.set('format', format);
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/export?${query.toString()}`;
}
