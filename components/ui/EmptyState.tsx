import type { ReactNode } from 'react';

/** Says why there is nothing to show ("No calls in this range") and, optionally, what to do. */
export function EmptyState({ title, description, action, height }: { title: string; description?: string; action?: ReactNode; height?: number }) {
  return (
    <div style={height ? { height } : undefined} className="flex min-h-32 flex-col items-center justify-center gap-1 rounded-md border border-dashed border-slate-200 px-4 py-6 text-center">
      <p className="text-sm font-medium text-slate-700">{title}</p>
      {description ? <p className="max-w-sm text-xs text-slate-500">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
