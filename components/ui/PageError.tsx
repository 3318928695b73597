'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, useTransition } from 'react';
import { ErrorState } from './ErrorState';

type Health = 'checking' | 'ok' | 'unavailable';

/**
 * What a page shows when its server rendering failed. It asks /api/health whether the
 * database is reachable: during an outage it says so and retries by itself every few
 * seconds until the page loads; otherwise it is a plain "something went wrong" with Retry.
 * Never a stack trace (Next.js sends none to the browser in production).
 * Retrying refreshes the route before resetting the boundary: the error came from a server
 * component, and reset() alone would re-render the same failed server payload (the page
 * then stayed on "could not be loaded" after the database was back; e2e/outage.spec.ts).
 */
export function PageError({ title, reset }: { title: string; reset: () => void }) {
  const [health, setHealth] = useState<Health>('checking');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);
  useEffect(() => {
    let stopped = false;
    let wasUnavailable = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const ok = await fetch('/api/health', { cache: 'no-store' }).then((r) => r.ok, () => false);
      if (stopped) return;
      if (ok) {
        setHealth('ok');
        // Back after an outage: render the page again.
        if (wasUnavailable) retry();
        return;
      }
      wasUnavailable = true;
      setHealth('unavailable');
      timer = setTimeout(check, 5_000);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [retry]);

  if (health === 'unavailable') {
    return (
      <ErrorState
        title="VoiceDash is temporarily unavailable"
        message="The database cannot be reached right now. Nothing was lost; this page reloads by itself as soon as it is back."
        onRetry={retry}
      />
    );
  }
  return <ErrorState title={title} message="Something went wrong on our side. Nothing was changed; try again in a moment." onRetry={retry} />;
}
