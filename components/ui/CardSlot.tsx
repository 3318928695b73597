import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { CardSkeleton } from './Skeleton';

/**
 * One card's loading and error boundaries (STYLE.md §6): a skeleton of the same size while
 * the async server component inside streams in, an ErrorState with Retry if it throws.
 *
 *   <CardSlot title="Cost trend" height={240}><CostTrendCard … /></CardSlot>
 */
export function CardSlot({ title, height = 240, className = '', children }: { title: string; height?: number; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <ErrorBoundary title={title} height={height}>
        <Suspense fallback={<CardSkeleton title={title} height={height} />}>{children}</Suspense>
      </ErrorBoundary>
    </div>
  );
}
