import { ExportLinks } from '@/components/exports/ExportLinks';

/**
 * The Calls page header's "Download CSV" / "Download JSON" links (plain `<a href download>`
 * to the export route, STYLE.md §8). `search` is the page's range and filters
 * ("?period=week&status=failed", or ""), exactly what the export covers.
 */
export function CallsHeaderActions({ workspaceId, search }: { workspaceId: string; search: string }) {
  return <ExportLinks workspaceId={workspaceId} search={search} />;
}
