'use client';

import { useState } from 'react';
import { secondaryButton } from './api';

/** A value shown once (webhook URL, secret) with a copy button; the live region announces the copy. */
function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      <div className="flex items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1.5 text-xs text-slate-900">
          {value}
        </code>
        <button
          type="button"
          className={secondaryButton}
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            } catch {
              setCopied(false);
            }
          }}
        >
          Copy
        </button>
      </div>
      <p aria-live="polite" className="h-4 text-xs text-green-700">
        {copied ? 'Copied' : ''}
      </p>
    </div>
  );
}

export function SecretReveal({ url, secret, secretLabel, onDone }: { url?: string; secret: string; secretLabel: string; onDone: () => void }) {
  return (
    <div role="status" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">Copy these now: the secret is not shown again.</p>
      {url ? <CopyField label="Webhook URL" value={url} testId="connector-url" /> : null}
      <CopyField label={secretLabel} value={secret} testId="connector-secret" />
      <button type="button" className={secondaryButton} onClick={onDone}>
        Done
      </button>
    </div>
  );
}
