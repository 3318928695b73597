/** A plain GET form (works without JavaScript): a call id opens the call, digits list a caller's calls. */
export function FindCallForm({ workspaceId, defaultValue = '' }: { workspaceId: string; defaultValue?: string }) {
  return (
    <form method="get" action={`/workspaces/${workspaceId}/calls/find`} role="search" aria-label="Find a call" className="flex items-center gap-2">
      <label htmlFor="find-call" className="sr-only">
        Call id or caller number
      </label>
      <input
        id="find-call"
        name="q"
        type="search"
        maxLength={64}
        defaultValue={defaultValue}
        placeholder="Call id or caller number"
        className="min-h-9 w-56 min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      />
      <button type="submit" className="min-h-9 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        Find
      </button>
    </form>
  );
}
