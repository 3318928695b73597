'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { humanize } from '@/lib/charts/format';

type Status = 'active' | 'trialing' | 'past_due' | 'cancelled';
type Tier = { tierName: string; label: string };
type Problem = { param: string; message: string } | null;

/**
 * The admin's plan controls for one workspace: change tier, start or end a trial, cancel
 * with a reason, reactivate. Each posts to /api/admin/workspaces/{id}/subscription (which
 * writes the workspace, its history and the audit log in one transaction) and refreshes
 * the page; a refusal is shown next to the field it names.
 */
export function PlanActions({ workspaceId, status, tier, tiers }: { workspaceId: string; status: Status; tier: string | null; tiers: Tier[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<string | null>(null);
  const [nextTier, setNextTier] = useState(tiers.find((t) => t.tierName !== tier)?.tierName ?? tier ?? '');
  const [reactivateTier, setReactivateTier] = useState(tier ?? tiers[0]?.tierName ?? '');
  const [reason, setReason] = useState('');
  const ids = { tier: useId(), reason: useId(), reactivate: useId(), error: useId() };

  async function send(name: string, body: Record<string, unknown>, success: string) {
    setBusy(name);
    setProblem(null);
    setDone(null);
    try {
      const response = await fetch(`/api/admin/workspaces/${workspaceId}/subscription`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const payload = (await response.json().catch(() => null)) as { error?: { param?: string; message?: string } } | null;
        setProblem({ param: payload?.error?.param ?? 'action', message: payload?.error?.message ?? `The change failed (${response.status})` });
        return;
      }
      setDone(success);
      setReason('');
      router.refresh();
    } catch {
      setProblem({ param: 'action', message: 'The change could not be sent; check the connection and try again.' });
    } finally {
      setBusy(null);
    }
  }

  const error = (param: string) =>
    problem && problem.param === param ? (
      <p id={`${ids.error}-${param}`} role="alert" className="mt-1 text-xs text-rose-700">
        {problem.message}
      </p>
    ) : null;
  const described = (param: string) => (problem?.param === param ? `${ids.error}-${param}` : undefined);
  const submit = (handler: () => void) => (event: FormEvent) => {
    event.preventDefault();
    handler();
  };

  const cancelled = status === 'cancelled';
  return (
    <div className="space-y-5" data-testid="plan-actions">
      {!cancelled ? (
        <form onSubmit={submit(() => send('tier', { action: 'change_tier', tier: nextTier }, `Tier changed to ${humanize(nextTier)}.`))} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={ids.tier} className="block text-xs font-medium text-slate-700">
              New tier
            </label>
            <select
              id={ids.tier}
              name="tier"
              value={nextTier}
              onChange={(e) => setNextTier(e.target.value)}
              aria-invalid={problem?.param === 'tier' || undefined}
              aria-describedby={described('tier')}
              className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {tiers.map((t) => (
                <option key={t.tierName} value={t.tierName}>
                  {t.label}
                  {t.tierName === tier ? ' (current)' : ''}
                </option>
              ))}
            </select>
          </div>
          <Button busy={busy === 'tier'}>Change tier</Button>
          <div className="basis-full">{error('tier')}</div>
        </form>
      ) : null}

      {status === 'trialing' ? (
        <div className="flex flex-wrap gap-2">
          <Button busy={busy === 'convert'} onClick={() => send('convert', { action: 'end_trial', convert: true }, 'Trial converted: the workspace now pays.')}>
            End trial: convert to paid
          </Button>
          <Button busy={busy === 'lapse'} tone="quiet" onClick={() => send('lapse', { action: 'end_trial', convert: false }, 'Trial ended without converting.')}>
            End trial without converting
          </Button>
        </div>
      ) : null}

      {cancelled ? (
        <div className="flex flex-wrap gap-2">
          <Button busy={busy === 'trial'} tone="quiet" onClick={() => send('trial', { action: 'start_trial' }, 'Trial started.')}>
            Start a trial
          </Button>
        </div>
      ) : null}

      {cancelled || status === 'past_due' ? (
        <form onSubmit={submit(() => send('reactivate', { action: 'reactivate', tier: reactivateTier }, 'Workspace reactivated.'))} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={ids.reactivate} className="block text-xs font-medium text-slate-700">
              Reactivate on tier
            </label>
            <select
              id={ids.reactivate}
              value={reactivateTier}
              onChange={(e) => setReactivateTier(e.target.value)}
              className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {tiers.map((t) => (
                <option key={t.tierName} value={t.tierName}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <Button busy={busy === 'reactivate'}>Reactivate</Button>
        </form>
      ) : null}

      {!cancelled ? (
        <form onSubmit={submit(() => send('cancel', { action: 'cancel', reason }, 'Subscription cancelled.'))} className="space-y-2">
          <div>
            <label htmlFor={ids.reason} className="block text-xs font-medium text-slate-700">
              Cancellation reason
            </label>
            <textarea
              id={ids.reason}
              name="reason"
              value={reason}
              maxLength={500}
              rows={2}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={problem?.param === 'reason' || undefined}
              aria-describedby={described('reason')}
              className="mt-1 block w-full max-w-md rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            {error('reason')}
          </div>
          <Button busy={busy === 'cancel'} tone="danger">
            Cancel subscription
          </Button>
        </form>
      ) : null}

      {error('action')}
      <p role="status" className="text-sm text-emerald-700" data-testid="plan-action-status">
        {done}
      </p>
    </div>
  );
}

function Button({ children, busy, onClick, tone = 'primary' }: { children: ReactNode; busy: boolean; onClick?: () => void; tone?: 'primary' | 'quiet' | 'danger' }) {
  const style =
    tone === 'primary'
      ? 'bg-brand-600 text-white hover:bg-brand-700'
      : tone === 'danger'
        ? 'border border-rose-300 bg-white text-rose-700 hover:bg-rose-50'
        : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50';
  return (
    <button type={onClick ? 'button' : 'submit'} onClick={onClick} disabled={busy} aria-busy={busy || undefined} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${style}`}>
      {busy ? 'Saving…' : children}
    </button>
  );
}
