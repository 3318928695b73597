'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';

const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 ' +
  'focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 aria-invalid:border-red-500';
const buttonClass =
  'inline-flex items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60';

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message.replace(/^name: /, '');
  } catch {
    // fall through
  }
  return response.status === 403 ? 'You do not have permission to do this.' : 'Something went wrong; try again.';
}

/** "Create a key": a name, then the new key shown once with a copy button. */
export function CreateApiKeyForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    setPending(true);
    setError(null);
    setCopied(false);
    try {
      const response = await fetch(`/api/workspaces/${workspaceId}/api-keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      if (response.status === 201) {
        const body = (await response.json()) as { key: string; apiKey: { name: string } };
        setCreated({ key: body.key, name: body.apiKey.name });
        if (nameRef.current) nameRef.current.value = '';
        router.refresh();
      } else {
        setError(await errorMessage(response));
        nameRef.current?.focus();
      }
    } catch {
      setError('We could not reach the server. Check your connection and try again.');
    }
    setPending(false);
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
            Key name
          </label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            name="name"
            type="text"
            required
            maxLength={100}
            placeholder="e.g. production"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
        {error}
      </p>
      {created ? (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-900">{`Key "${created.name}" created. Copy it now: it is shown only this once.`}</p>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <label htmlFor={`${id}-key`} className="sr-only">
              New API key
            </label>
            <input id={`${id}-key`} readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono text-xs`} data-testid="new-api-key" />
            <button type="button" onClick={copy} className={buttonClass}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Revokes one key after a confirmation; the list reloads. */
export function RevokeApiKeyButton({ workspaceId, keyId, label }: { workspaceId: string; keyId: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!window.confirm(`Revoke the key "${label}"? Anything still using it stops working at once.`)) return;
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/workspaces/${workspaceId}/api-keys/${keyId}`, { method: 'DELETE' });
      if (response.ok) router.refresh();
      else setError(await errorMessage(response));
    } catch {
      setError('Could not reach the server.');
    }
    setPending(false);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={revoke}
        disabled={pending}
        aria-label={`Revoke key ${label}`}
        className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600 disabled:opacity-60"
      >
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
