'use client';

import { useEffect, useState } from 'react';
import { ErrorState } from './ErrorState';

type Health = 'checking' | 'ok' | 'unavailable';

/**
 * What a page shows when its server rendering failed. It asks /api/health whether the
 * database is reachable: during an outage it says so and retries by itself every few
 * seconds until the page loads; otherwise it is a plain "something went wrong" with Retry.
 * Never a stack trace (Next.js sends none to the browser in production).
 */
export function PageError({ title, reset }: { title: string; reset: () => void }) {
  const [health, setHealth] = useState<Health>('checking');
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const ok = await fetch('/api/health', { cache: 'no-store' }).then((r) => r.ok, () => false);
      if (stopped) return;
      if (ok) {
        setHealth((previous) => {
          // Back after an outage: render the page again.
          if (previous === 'unavailable') reset();
          return 'ok';
        });
        return;
      }
      setHealth('unavailable');
      timer = setTimeout(check, 5_000);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reset]);

  if (health === 'unavailable') {
    return (
      <ErrorState
        title="VoiceDash is temporarily unavailable"
        message="The database cannot be reached right now. Nothing was lost; this page reloads by itself as soon as it is back."
        onRetry={reset}
      />
    );
  }
  return <ErrorState title={title} message="Something went wrong on our side. Nothing was changed; try again in a moment." onRetry={reset} />;
}
