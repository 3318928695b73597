import Link from 'next/link';
import { countFiring } from '@/lib/alerts';
import { getDb } from '@/lib/db';

/**
 * The header's alert entry: "Alerts" to the history, with a red count while any rule of
 * the workspace fires. Its own component (and Suspense slot) so the header never waits on it.
 */
export async function FiringBadge({ workspaceId }: { workspaceId: string }) {
  const firing = await countFiring(await getDb(), workspaceId);
  return (
    <Link
      href={`/workspaces/${workspaceId}/alerts`}
      prefetch={false}
      data-testid="alerts-badge"
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      {/* The name is the visible words plus hidden ones ("Alerts: 2 firing"), never an
          aria-label that differs from what is shown (WCAG 2.5.3, label in name). */}
      Alerts
      {firing > 0 ? (
        <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white">
          <span className="sr-only">: </span>
          {firing}
          <span className="sr-only"> firing</span>
        </span>
      ) : (
        <span className="sr-only">: none firing</span>
      )}
    </Link>
  );
}
