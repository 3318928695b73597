'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { dangerButton, inputClass, secondaryButton, send, type FieldError } from './api';
import { SecretReveal } from './SecretReveal';

type Props = { workspaceId: string; connectorId: string; platform: 'vapi' | 'retell' | 'bland'; name: string; disabled: boolean };

/** Disable / enable, rotate the secret (the old one keeps working 24 h), delete (after a confirmation). */
export function ConnectorActions({ workspaceId, connectorId, platform, name, disabled }: Props) {
  const router = useRouter();
  const url = `/api/workspaces/${workspaceId}/connectors/${connectorId}`;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FieldError | null>(null);
  const [rotating, setRotating] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const [retellKey, setRetellKey] = useState('');

  async function run(method: 'POST' | 'PATCH' | 'DELETE', target: string, body?: unknown) {
    setPending(true);
    setError(null);
    const result = await send<{ secret?: string }>(target, method, body);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    router.refresh();
    return result.data;
  }

  if (newSecret) {
    return <SecretReveal secret={newSecret} secretLabel={platform === 'retell' ? 'Retell API key (as stored)' : 'New secret'} onDone={() => setNewSecret(null)} />;
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButton} disabled={pending} onClick={() => run('PATCH', url, { disabled: !disabled })}>
          {disabled ? 'Enable' : 'Disable'}
        </button>
        <button type="button" className={secondaryButton} disabled={pending} aria-expanded={rotating} onClick={() => setRotating((v) => !v)}>
          Rotate secret
        </button>
        <button type="button" className={dangerButton} disabled={pending} aria-expanded={confirmDelete} onClick={() => setConfirmDelete((v) => !v)}>
          Delete
        </button>
      </div>
      {rotating ? (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={async (event) => {
            event.preventDefault();
            const data = await run('POST', `${url}/rotate`, platform === 'retell' ? { secret: retellKey } : {});
            if (data?.secret) {
              setRotating(false);
              setRetellKey('');
              setNewSecret(data.secret);
            }
          }}
        >
          {platform === 'retell' ? (
            <div className="flex-1 space-y-1">
              <label htmlFor={`rotate-${connectorId}`} className="block text-xs font-medium text-slate-700">
                New Retell API key
              </label>
              <input id={`rotate-${connectorId}`} type="password" autoComplete="off" required value={retellKey} onChange={(e) => setRetellKey(e.target.value)} className={inputClass} />
            </div>
          ) : (
            <p className="flex-1 text-xs text-slate-600">A new secret is generated; the current one keeps working for 24 hours.</p>
          )}
          <button type="submit" className={secondaryButton} disabled={pending}>
            Confirm rotation
          </button>
        </form>
      ) : null}
      {confirmDelete ? (
        <div className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-2 sm:flex-row sm:items-center">
          <p className="flex-1 text-xs text-red-800">{`Delete “${name}” and its delivery log? Its calls stay; its platform's next deliveries get 404.`}</p>
          <button type="button" className={dangerButton} disabled={pending} onClick={() => run('DELETE', url)}>
            Delete connector
          </button>
        </div>
      ) : null}
      <p role="alert" className="text-xs text-red-700">
        {error ? error.message : ''}
      </p>
    </div>
  );
}
