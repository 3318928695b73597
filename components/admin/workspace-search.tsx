/**
 * Search as a plain GET form: works without JavaScript, and the search lands in the URL
 * (`q`) next to the range and sort it carries as hidden fields.
 */
export function WorkspaceSearch({ q, keep }: { q: string; keep: [string, string][] }) {
  return (
    <form role="search" action="/admin/workspaces" method="get" className="flex flex-wrap items-end gap-2">
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="flex min-w-0 flex-1 flex-col text-xs font-medium text-slate-600 sm:flex-none">
        Search workspaces
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={100}
          placeholder="Name, slug, tier or status"
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 sm:w-72"
        />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Search
      </button>
    </form>
  );
}
