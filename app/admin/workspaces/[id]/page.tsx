import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui';
import { PlanActions } from '@/components/admin/plan-actions';
import { CurrentPlan, PlanHistory } from '@/components/billing/PlanHistory';
import { isUuid } from '@/lib/analytics';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getPlanWithHistory } from '@/lib/billing/subscription';
import { humanize } from '@/lib/charts/format';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Workspace plan' };

/** One workspace's plan for platform admins: the current state, the plan controls and the full history. */
export default async function AdminWorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePlatformAdmin(`/admin/workspaces/${id}`);
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const data = await getPlanWithHistory(db, id, { forStaff: true });
  if (!data) notFound();
  const tiers = await db.subscriptionTier.findMany({ orderBy: { tierName: 'asc' }, select: { tierName: true, monthlyFee: true, billingInterval: true } });
  return (
    <>
      <PageHeader
        title={data.plan.name}
        subtitle={
          <span>
            Plan and subscription history · times in UTC ·{' '}
            <Link href={`/workspaces/${id}`} className="text-brand-700 hover:underline">
              open the workspace dashboard
            </Link>
          </span>
        }
      />
      <div className="space-y-6">
        <Card title="Current plan">
          <CurrentPlan plan={data.plan} />
          <div className="mt-5 border-t border-slate-100 pt-4">
            <PlanActions
              workspaceId={id}
              status={data.plan.status}
              tier={data.plan.tier}
              tiers={tiers.map((t) => ({ tierName: t.tierName, label: `${humanize(t.tierName)} ($${t.monthlyFee.toFixed(2)} / ${t.billingInterval})` }))}
            />
          </div>
        </Card>
        <Card title="Plan history">
          <PlanHistory history={data.history} timeZone="UTC" />
        </Card>
      </div>
    </>
  );
}
