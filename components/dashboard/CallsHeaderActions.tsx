/**
 * The slot in the Calls page header where the exports engineer adds "Download CSV" /
 * "Download JSON" links (plain `<a href download>` to the export route, STYLE.md §8).
 * `search` is the page's range and filters ("?period=week&status=failed", or ""), exactly
 * what the export must cover. Renders nothing until the export route exists.
 */
export function CallsHeaderActions({ workspaceId, search }: { workspaceId: string; search: string }) {
  void workspaceId;
  void search;
  return null;
}
