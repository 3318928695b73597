'use client';

/** A failed card: what went wrong, and a button to try again. */
export function ErrorState({
  title = 'Could not load this',
  message = 'Something went wrong while loading the figures.',
  onRetry,
  retrying = false,
  height,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
  height?: number;
}) {
  return (
    <div role="alert" style={height ? { height } : undefined} className="flex min-h-32 flex-col items-center justify-center gap-2 rounded-md border border-rose-200 bg-rose-50 px-4 py-6 text-center">
      <p className="text-sm font-medium text-rose-800">{title}</p>
      <p className="max-w-sm text-xs text-rose-700">{message}</p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="mt-1 rounded-md border border-rose-300 bg-white px-3 py-1.5 text-xs font-medium text-rose-800 hover:bg-rose-100 disabled:opacity-60"
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}
