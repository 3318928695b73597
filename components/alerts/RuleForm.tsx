'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { buttonClass, inputClass, labelClass, sendJson, type ApiProblem } from './client';

type Option = { value: string; label: string };

/**
 * "Add a rule": metric, window, comparator, threshold, minimum calls, optional agent or
 * provider, channels (email addresses, a webhook URL). Errors appear next to the field the
 * API named. A webhook's signing secret is shown once after creation.
 */
export function RuleForm({ endpoint, metrics, agents, providers, emailConfigured }: { endpoint: string; metrics: Option[]; agents?: Option[]; providers: string[]; emailConfigured: boolean }) {
  const router = useRouter();
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const number = (name: string) => (text(name) === '' ? text(name) : Number(text(name)));
    const emails = text('email').split(/[\s,;]+/).filter(Boolean);
    const channels = [...(emails.length ? [{ type: 'email', to: emails }] : []), ...(text('webhook') ? [{ type: 'webhook', url: text('webhook') }] : [])];
    const filters = { ...(text('agent_id') ? { agent_id: text('agent_id') } : {}), ...(text('provider') ? { provider: text('provider') } : {}) };
    const body = {
      name: text('name'),
      metric: text('metric'),
      window_minutes: number('window_minutes'),
      comparator: text('comparator'),
      threshold: number('threshold'),
      min_calls: number('min_calls'),
      renotify_minutes: number('renotify_minutes'),
      ...(Object.keys(filters).length ? { filters } : {}),
      channels,
    };
    setPending(true);
    setProblem(null);
    setDone(null);
    const result = await sendJson(endpoint, 'POST', body);
    setPending(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    const created = result.data as { rule: { name: string }; webhook_secret: string | null };
    setSecret(created.webhook_secret);
    setDone(`Rule “${created.rule.name}” created. It is evaluated every minute.`);
    form.reset();
    router.refresh();
  }

  const field = (name: string) => (problem?.param === name || problem?.param?.startsWith(`${name}.`) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
  const channelProblem = (kind: 'email' | 'webhook') => problem?.param?.startsWith('channels.') && problem.message.includes(kind === 'webhook' ? '.url' : '.to');
  const error = (names: string[]) =>
    problem && names.some((n) => problem.param === n || problem.param?.startsWith(`${n}.`)) ? (
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
        {problem.message}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Add an alert rule" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-name`} className={labelClass}>Name</label>
          <input id={`${id}-name`} name="name" required maxLength={100} placeholder="High failure rate" className={inputClass} {...field('name')} />
          {error(['name'])}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-metric`} className={labelClass}>Metric</label>
          <select id={`${id}-metric`} name="metric" className={inputClass} {...field('metric')}>
            {metrics.map((m) => (
              <option key={m.value} value={m.value}>{m.label}</option>
            ))}
          </select>
          {error(['metric'])}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-window`} className={labelClass}>Window (minutes, 15–1440)</label>
          <input id={`${id}-window`} name="window_minutes" type="number" inputMode="numeric" min={15} max={1440} defaultValue={30} className={inputClass} {...field('window_minutes')} />
          {error(['window_minutes'])}
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div className="space-y-1.5">
            <label htmlFor={`${id}-comparator`} className={labelClass}>When</label>
            <select id={`${id}-comparator`} name="comparator" className={inputClass} {...field('comparator')}>
              <option value="gt">above</option>
              <option value="gte">at or above</option>
              <option value="lt">below</option>
              <option value="lte">at or below</option>
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-threshold`} className={labelClass}>Threshold</label>
            <input id={`${id}-threshold`} name="threshold" type="number" step="any" required className={inputClass} {...field('threshold')} />
          </div>
          <div className="col-span-2">{error(['threshold', 'comparator'])}</div>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-min`} className={labelClass}>Minimum calls</label>
          <input id={`${id}-min`} name="min_calls" type="number" inputMode="numeric" min={0} defaultValue={10} className={inputClass} {...field('min_calls')} />
          <p className="text-xs text-slate-500">Fewer calls in the window: “not enough data”, not evaluated.</p>
          {error(['min_calls'])}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-renotify`} className={labelClass}>Remind every (minutes)</label>
          <input id={`${id}-renotify`} name="renotify_minutes" type="number" inputMode="numeric" min={5} max={10080} defaultValue={60} className={inputClass} {...field('renotify_minutes')} />
          {error(['renotify_minutes'])}
        </div>
        {agents ? (
          <div className="space-y-1.5">
            <label htmlFor={`${id}-agent`} className={labelClass}>Agent (optional)</label>
            <select id={`${id}-agent`} name="agent_id" className={inputClass} {...field('filters')}>
              <option value="">All agents</option>
              {agents.map((a) => (
                <option key={a.value} value={a.value}>{a.label}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="space-y-1.5">
          <label htmlFor={`${id}-provider`} className={labelClass}>Provider (optional)</label>
          <input id={`${id}-provider`} name="provider" list={`${id}-providers`} maxLength={64} placeholder="All providers" className={inputClass} {...field('filters')} />
          <datalist id={`${id}-providers`}>
            {providers.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          {error(['filters'])}
        </div>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Notify</legend>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-email`} className={labelClass}>Email addresses</label>
          <input id={`${id}-email`} name="email" placeholder="ops@example.com, oncall@example.com" className={inputClass} aria-invalid={channelProblem('email') || undefined} />
          {!emailConfigured ? <p className="text-xs text-amber-700">Email is not configured on this server (SMTP_URL): messages wait in the outbox until it is.</p> : null}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-webhook`} className={labelClass}>Webhook URL</label>
          <input id={`${id}-webhook`} name="webhook" type="url" placeholder="https://hooks.example.com/voicedash" className={inputClass} aria-invalid={channelProblem('webhook') || undefined} />
          <p className="text-xs text-slate-500">Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).</p>
        </div>
        <div className="sm:col-span-2">{error(['channels'])}</div>
      </fieldset>
      {problem && !['name', 'metric', 'window_minutes', 'threshold', 'comparator', 'min_calls', 'renotify_minutes', 'filters', 'channels'].some((n) => problem.param === n || problem.param?.startsWith(`${n}.`)) ? (
        <p role="alert" className="text-sm text-red-700">{problem.message}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Adding…' : 'Add rule'}
        </button>
        {done ? <p role="status" className="text-sm text-emerald-700">{done}</p> : null}
      </div>
      {secret ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Webhook signing secret: shown once. Verify deliveries with it.</p>
          <code data-testid="webhook-secret" className="mt-1 block break-all text-xs">{secret}</code>
        </div>
      ) : null}
    </form>
  );
}
