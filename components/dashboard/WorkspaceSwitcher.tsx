'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';

export type SwitcherWorkspace = { id: string; name: string; role: string | null };

/** For people in several workspaces: opens the same page (overview, calls, agents, reports) of another workspace. */
export function WorkspaceSwitcher({ currentId, workspaces }: { currentId: string; workspaces: SwitcherWorkspace[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const current = workspaces.find((workspace) => workspace.id === currentId);
  if (workspaces.length <= 1) return <span className="truncate text-sm font-medium text-slate-900">{current?.name}</span>;
  const section = /^\/workspaces\/[^/]+\/(calls|agents|reports)/.exec(pathname)?.[1];
  return (
    <div className="flex min-w-0 flex-1 items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Workspace
      </label>
      <select
        id={id}
        value={currentId}
        onChange={(event) => router.push(`/workspaces/${event.target.value}${section ? `/${section}` : ''}`)}
        className="w-full min-w-0 truncate rounded-md sm:w-auto border border-slate-300 bg-white py-1.5 pl-2 pr-7 text-sm font-medium text-slate-900 sm:max-w-xs"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
            {workspace.role ? ` (${workspace.role})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
