'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { secondaryButtonClass, sendJson } from './client';

/** Per rule: pause/resume, send a test, delete. */
export function RuleActions({ endpoint, enabled, name, canTest }: { endpoint: string; enabled: boolean; name: string; canTest: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(method: string, url: string, body: unknown, ok: string) {
    setPending(true);
    const result = await sendJson(url, method, body);
    setPending(false);
    setMessage(result.ok ? ok : result.problem.message);
    if (result.ok) router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => run('PATCH', endpoint, { enabled: !enabled }, enabled ? 'Paused.' : 'Resumed.')}>
        {enabled ? 'Pause' : 'Resume'}
      </button>
      {canTest ? (
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => run('POST', `${endpoint}/test`, undefined, 'Test queued: sent within a minute.')}>
          Send test
        </button>
      ) : null}
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`Delete rule ${name}`}
        onClick={() => {
          if (window.confirm(`Delete the rule “${name}”? Its history stays.`)) void run('DELETE', endpoint, undefined, 'Deleted.');
        }}
      >
        Delete
      </button>
      {message ? <span role="status" className="text-xs text-slate-600">{message}</span> : null}
    </div>
  );
}
