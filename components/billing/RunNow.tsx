'use client';

import { useActionState } from 'react';
import { runJobNow, type RunState } from '@/app/admin/jobs/actions';

export function RunNow({ job }: { job: string }) {
  const [state, action, pending] = useActionState<RunState, FormData>(runJobNow, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="job" value={job} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? 'Running…' : 'Run now'}
      </button>
      <p role="status" className="max-w-md break-all text-right text-xs">
        {state.error ? <span className="text-rose-700">{state.error}</span> : state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
      </p>
    </form>
  );
}
