import { Card } from '@/components/ui';
import { getPlanWithHistory } from '@/lib/billing/subscription';
import { getDb } from '@/lib/db';
import { CurrentPlan, PlanHistory } from './PlanHistory';

/**
 * The workspace's plan and its history for its owners: self-contained (its own data), so
 * the Billing page can mount it as is. The caller has checked the owner role; changes by
 * platform staff show as "VoiceDash staff".
 */
export async function PlanSection({ workspaceId, timeZone, title = 'Plan' }: { workspaceId: string; timeZone: string; title?: string }) {
  const data = await getPlanWithHistory(await getDb(), workspaceId);
  if (!data) return null;
  return (
    <div className="space-y-6">
      <Card title={title}>
        <CurrentPlan plan={data.plan} />
        <p className="mt-3 text-xs text-slate-500">To change the plan, contact VoiceDash support; changes show in the history below.</p>
      </Card>
      <Card title="Plan history">
        <p className="mb-3 text-sm text-slate-600">{`Every change of this workspace’s plan, newest first; times in ${timeZone}.`}</p>
        <PlanHistory history={data.history} timeZone={timeZone} />
      </Card>
    </div>
  );
}
