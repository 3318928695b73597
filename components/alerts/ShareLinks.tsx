'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { buttonClass, inputClass, labelClass, secondaryButtonClass, sendJson } from './client';

type Link = { id: string; month: string; status: string; expires_at: string; last_opened_at: string | null };

/** Owners: a signed, expiring link to a month's report PDF for someone without an account; revocable. */
export function ShareLinks({ workspaceId, links, defaultMonth }: { workspaceId: string; links: Link[]; defaultMonth: string }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const base = `/api/workspaces/${workspaceId}/share-links`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    const result = await sendJson(base, 'POST', { month: String(data.get('month')), expires_in_days: Number(data.get('days')) });
    if (!result.ok) return setError(result.problem.message);
    setCreated(`${window.location.origin}${(result.data as { path: string }).path}`);
    router.refresh();
  }

  async function revoke(linkId: string) {
    const result = await sendJson(`${base}/${linkId}`, 'DELETE');
    if (!result.ok) setError(result.problem.message);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label="Create a share link">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-month`} className={labelClass}>Month</label>
          <input id={`${id}-month`} name="month" type="month" defaultValue={defaultMonth} required className={inputClass} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-days`} className={labelClass}>Expires after (days)</label>
          <input id={`${id}-days`} name="days" type="number" min={1} max={90} defaultValue={7} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass}>Create link</button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {created ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Share link: shown once. Anyone with it can open the PDF until it expires or you revoke it.</p>
          <a data-testid="share-link" href={created} className="mt-1 block break-all text-xs text-brand-700 underline">{created}</a>
        </div>
      ) : null}
      {links.length ? (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Share links">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                Report {l.month} · <span className={l.status === 'active' ? 'text-emerald-700' : 'text-slate-500'}>{l.status}</span>
                <span className="block text-xs text-slate-500">expires {l.expires_at.slice(0, 10)}{l.last_opened_at ? ` · last opened ${l.last_opened_at.slice(0, 16).replace('T', ' ')} UTC` : ''}</span>
              </span>
              {l.status === 'active' ? (
                <button type="button" className={secondaryButtonClass} onClick={() => revoke(l.id)} aria-label={`Revoke the link to ${l.month}`}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
