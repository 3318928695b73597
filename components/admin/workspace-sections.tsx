import { Card } from '@/components/ui';
import type { WorkspaceDirectory } from '@/lib/admin/workspace-directory';
import type { WorkspaceDirectoryQuery } from '@/lib/admin/workspace-query';
import { WorkspaceTable } from './workspace-table';

export async function WorkspaceListCard({ directory, query, baseParams }: { directory: Promise<WorkspaceDirectory>; query: WorkspaceDirectoryQuery; baseParams: string }) {
  const { rows, total } = await directory;
  return (
    <Card title="All workspaces">
      <p className="mb-3 text-sm text-slate-600" role="status" data-testid="workspace-count">
        {query.q ? `${rows.length} of ${total} workspaces match “${query.q}”` : `${total} workspaces`}
      </p>
      <div data-testid="workspaces">
        <WorkspaceTable rows={rows} query={query} baseParams={baseParams} />
      </div>
    </Card>
  );
}
