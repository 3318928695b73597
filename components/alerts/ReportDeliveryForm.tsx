'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { buttonClass, inputClass, labelClass, sendJson, type ApiProblem } from './client';

type Settings = { enabled: boolean; monthly: boolean; quarterly: boolean; recipients: string[] };

/** Settings → Reports delivery: opt in, which reports, members and other addresses. */
export function ReportDeliveryForm({ workspaceId, initial, members }: { workspaceId: string; initial: Settings; members: string[] }) {
  const router = useRouter();
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const others = initial.recipients.filter((r) => !members.includes(r));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const recipients = [...data.getAll('member').map(String), ...String(data.get('others') ?? '').split(/[\s,;]+/).filter(Boolean)];
    setPending(true);
    setSaved(false);
    setProblem(null);
    const result = await sendJson(`/api/workspaces/${workspaceId}/report-delivery`, 'PUT', {
      enabled: data.get('enabled') === 'on',
      monthly: data.get('monthly') === 'on',
      quarterly: data.get('quarterly') === 'on',
      recipients,
    });
    setPending(false);
    if (result.ok) {
      setSaved(true);
      router.refresh();
    } else setProblem(result.problem);
  }

  const check = 'h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-500';
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Reports delivery">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <input type="checkbox" name="enabled" defaultChecked={initial.enabled} className={check} />
        Email the reports automatically
      </label>
      <div className="flex flex-wrap gap-6 text-sm text-slate-700">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="monthly" defaultChecked={initial.monthly} className={check} />
          Monthly report (PDF), on the 1st of each month
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="quarterly" defaultChecked={initial.quarterly} className={check} />
          Executive summary (PDF and Markdown), on the 1st of each quarter
        </label>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Members</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {members.map((email) => (
            <label key={email} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="member" value={email} defaultChecked={initial.recipients.includes(email)} className={check} />
              <span className="break-all">{email}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-others`} className={labelClass}>Other addresses</label>
        <input id={`${id}-others`} name="others" defaultValue={others.join(', ')} placeholder="cfo@example.com" className={inputClass} aria-invalid={problem?.param?.startsWith('recipients') || undefined} />
      </div>
      {problem ? <p role="alert" className="text-sm text-red-700">{problem.message}</p> : null}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>{pending ? 'Saving…' : 'Save'}</button>
        {saved ? <p role="status" className="text-sm text-emerald-700">Saved.</p> : null}
      </div>
    </form>
  );
}
