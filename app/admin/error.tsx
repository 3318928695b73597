'use client';

import { PageError } from '@/components/ui/PageError';

/** Anything an admin page throws outside a card's own boundary. */
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="The admin console could not be loaded" reset={reset} />;
}
