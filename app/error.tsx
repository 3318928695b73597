'use client';

import { PageError } from '@/components/ui/PageError';

/** Anything a page throws outside a card's own boundary (an outage shows as such). */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <PageError title="This page could not be loaded" reset={reset} />
    </main>
  );
}
