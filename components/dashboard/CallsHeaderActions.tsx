import { ExportLinks } from '@/components/exports/ExportLinks';
import { FindCallForm } from './FindCallForm';

/**
 * The Calls page header's "Find a call" search, and "Download CSV" / "Download JSON" links (plain `<a href download>`
 * to the export route, STYLE.md §8). `search` is the page's range and filters
 * ("?period=week&status=failed", or ""), exactly what the export covers.
 */
export function CallsHeaderActions({ workspaceId, search }: { workspaceId: string; search: string }) {
  return (
    <>
      <FindCallForm workspaceId={workspaceId} />
      <ExportLinks workspaceId={workspaceId} search={search} />
    </>
  );
}
