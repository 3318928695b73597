'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { inputClass, primaryButton, send, type FieldError } from './api';
import { SecretReveal } from './SecretReveal';

type Platform = 'vapi' | 'retell' | 'bland';
type Created = { connector: { id: string }; path: string; secret: string };

const SECRET_HELP: Record<Platform, string> = {
  vapi: 'Optional: leave empty and we generate one. Vapi sends it as X-Vapi-Secret (or as the HMAC key).',
  retell: 'Required: Retell signs webhooks with your Retell API key (one with the webhook badge). Stored encrypted, never shown again.',
  bland: 'Optional: leave empty and we generate one. Paste it as the webhook signing secret in Bland.',
};

/** Add a connector; on success the URL and the secret are shown once. */
export function AddConnectorForm({ workspaceId, origin }: { workspaceId: string; origin: string }) {
  const router = useRouter();
  const [platform, setPlatform] = useState<Platform>('vapi');
  const [error, setError] = useState<FieldError | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await send<Created>(`/api/workspaces/${workspaceId}/connectors`, 'POST', {
      platform,
      name: String(form.get('name') ?? ''),
      secret: String(form.get('secret') ?? ''),
      ...(platform === 'vapi' ? { vapiAuth: String(form.get('vapiAuth') ?? 'secret') } : {}),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    event.currentTarget?.reset();
    setCreated(result.data);
    router.refresh();
  }

  if (created) {
    return (
      <SecretReveal
        url={`${origin}${created.path}`}
        secret={created.secret}
        secretLabel={platform === 'retell' ? 'Retell API key (as stored)' : 'Secret'}
        onDone={() => setCreated(null)}
      />
    );
  }

  const errorFor = (field: string) => (error && error.field === field ? error.message : null);
  const secretError = errorFor('secret');
  const nameError = errorFor('name');
  const formError = error && !['secret', 'name'].includes(error.field) ? error.message : null;

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label="Add a connector">
      <div className="space-y-1.5">
        <label htmlFor="connector-platform" className="block text-sm font-medium text-slate-700">
          Platform
        </label>
        <select id="connector-platform" name="platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)} className={inputClass}>
          <option value="vapi">Vapi</option>
          <option value="retell">Retell AI</option>
          <option value="bland">Bland AI</option>
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="connector-name" className="block text-sm font-medium text-slate-700">
          Name <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input id="connector-name" name="name" maxLength={100} placeholder="e.g. Front desk agents" aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? 'connector-name-error' : undefined} className={inputClass} />
        {nameError ? <p id="connector-name-error" className="text-xs text-red-700">{nameError}</p> : null}
      </div>
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="connector-secret" className="block text-sm font-medium text-slate-700">
          {platform === 'retell' ? 'Retell API key' : 'Secret'}
        </label>
        <input
          id="connector-secret"
          name="secret"
          type="password"
          autoComplete="off"
          required={platform === 'retell'}
          aria-invalid={secretError ? true : undefined}
          aria-describedby={`connector-secret-help${secretError ? ' connector-secret-error' : ''}`}
          className={inputClass}
        />
        <p id="connector-secret-help" className="text-xs text-slate-500">
          {SECRET_HELP[platform]}
        </p>
        {secretError ? (
          <p id="connector-secret-error" className="text-xs text-red-700">
            {secretError}
          </p>
        ) : null}
      </div>
      {platform === 'vapi' ? (
        <div className="space-y-1.5 sm:col-span-2">
          <label htmlFor="connector-vapi-auth" className="block text-sm font-medium text-slate-700">
            Vapi authentication
          </label>
          <select id="connector-vapi-auth" name="vapiAuth" defaultValue="secret" className={inputClass}>
            <option value="secret">Secret header (X-Vapi-Secret or Authorization: Bearer)</option>
            <option value="hmac">HMAC (sha256 hex over timestamp.body, x-signature / x-timestamp)</option>
          </select>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? 'Adding…' : 'Add connector'}
        </button>
        <p role="alert" className="mt-2 text-sm text-red-700">
          {formError ?? ''}
        </p>
      </div>
    </form>
  );
}
