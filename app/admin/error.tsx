'use client';

import { ErrorState } from '@/components/ui';

/** Anything an admin page throws outside a card's own boundary. */
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="The admin console could not be loaded"
      message="Something went wrong on our side. Nothing was changed; try again in a moment."
      onRetry={reset}
    />
  );
}
