'use client';

import { useActionState, useId } from 'react';
import { periodAction, type ActionState } from '@/app/admin/billing/actions';

/** Platform admins: mark a finalized period paid or void (with a reason), re-close a void one. */
export function PeriodActions({ workspaceId, periodId, status, label }: { workspaceId: string; periodId: string; status: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(periodAction, {});
  const reasonId = useId();
  const errorId = useId();
  // After "Mark paid" the period is paid and has no action left: the confirmation stays
  // (announced by the same live region) instead of the row's controls vanishing silently.
  if (status !== 'finalized' && status !== 'void') {
    return state.ok ? <p role="status" className="text-xs text-emerald-700">{state.ok}</p> : null;
  }
  return (
    <form action={action} className="flex flex-wrap items-start gap-2" aria-label={`Change ${label}`}>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="periodId" value={periodId} />
      {status === 'finalized' ? (
        <>
          <button type="submit" name="action" value="paid" disabled={pending} className="rounded-md bg-emerald-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-emerald-800 disabled:opacity-60">
            Mark paid
          </button>
          <div className="flex flex-col">
            <label htmlFor={reasonId} className="sr-only">Reason for voiding {label}</label>
            <input
              id={reasonId} name="reason" placeholder="Reason to void" maxLength={500}
              aria-invalid={state.field === 'reason' || undefined} aria-describedby={state.error ? errorId : undefined}
              className="w-40 rounded-md border border-slate-300 px-2 py-1 text-xs"
            />
          </div>
          <button type="submit" name="action" value="void" disabled={pending} className="rounded-md border border-rose-300 px-2.5 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-60">
            Void
          </button>
        </>
      ) : (
        <button type="submit" name="action" value="reclose" disabled={pending} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
          Re-close
        </button>
      )}
      <p role="status" className="w-full text-xs">
        {state.error ? <span id={errorId} className="text-rose-700">{state.error}</span> : state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
      </p>
    </form>
  );
}
