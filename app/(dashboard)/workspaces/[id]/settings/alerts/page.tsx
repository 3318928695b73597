import type { Metadata } from 'next';
import Link from 'next/link';
import { DeliveriesTable, RulesTable } from '@/components/alerts/tables';
import { RuleForm } from '@/components/alerts/RuleForm';
import { requireSettingsSection } from '@/components/settings/access';
import { Card } from '@/components/ui';
import { listAgents } from '@/lib/agents/list';
import { listDeliveries, listRules, METRIC_LABELS, WORKSPACE_METRICS } from '@/lib/alerts';
import { channelStatus } from '@/lib/alerts/api';
import { listCallProviders } from '@/lib/analytics';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Alerts' };

/** Settings → Alerts: the rules (add, pause, test, delete), their state, and the last deliveries. Owners and admins. */
export default async function AlertSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access, section } = await requireSettingsSection(id, 'alerts');
  const workspaceId = access.workspace.id;
  const timeZone = access.workspace.timezone;
  const db = await getDb();
  const now = new Date();
  const lastMonth = { from: new Date(now.getTime() - 30 * 86_400_000), to: now, timeZone };
  const [rules, deliveries, agents, providers] = await Promise.all([
    listRules(db, workspaceId),
    listDeliveries(db, workspaceId),
    listAgents(db, { workspaceId }, lastMonth),
    listCallProviders(db, { workspaceId }, lastMonth),
  ]);
  const channels = channelStatus();
  const endpoint = `/api/workspaces/${workspaceId}/alert-rules`;
  return (
    <div className="space-y-6">
      <Card title={section.label}>
        <p className="mb-4 text-sm text-slate-600">
          {section.description} Every figure is the dashboard&apos;s own (see <Link className="text-brand-700 underline" href={`/workspaces/${workspaceId}/alerts`}>alert history</Link>). Email:{' '}
          <strong>{channels.email === 'configured' ? 'configured' : 'not configured (SMTP_URL)'}</strong>.
        </p>
        <RuleForm
          endpoint={endpoint}
          metrics={WORKSPACE_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
          agents={agents.filter((a) => !a.deletedAt).map((a) => ({ value: a.id, label: a.name }))}
          providers={providers}
          emailConfigured={channels.email === 'configured'}
        />
      </Card>
      <Card title="Rules">
        <RulesTable rules={rules} endpoint={endpoint} timeZone={timeZone} />
      </Card>
      <Card title="Last deliveries">
        <DeliveriesTable rows={deliveries} timeZone={timeZone} />
      </Card>
    </div>
  );
}
