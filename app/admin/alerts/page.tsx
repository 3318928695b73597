import type { Metadata } from 'next';
import { RuleForm } from '@/components/alerts/RuleForm';
import { DeliveriesTable, HistoryTable, RulesTable } from '@/components/alerts/tables';
import { Card, PageHeader } from '@/components/ui';
import { countFiring, listAlertHistory, listDeliveries, listRules, METRIC_LABELS, PLATFORM_METRICS } from '@/lib/alerts';
import { channelStatus } from '@/lib/alerts/api';
import { getProviderAnalytics } from '@/lib/analytics';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Platform alerts' };

/** Platform alerts (admins): provider margin below a threshold, provider p95 latency above one. */
export default async function AdminAlertsPage() {
  await requirePlatformAdmin('/admin/alerts');
  const db = await getDb();
  const now = new Date();
  const [rules, history, deliveries, firing, providers] = await Promise.all([
    listRules(db, null),
    listAlertHistory(db, null),
    listDeliveries(db, null),
    countFiring(db, null),
    getProviderAnalytics(db, { from: new Date(now.getTime() - 30 * 86_400_000), to: now, timeZone: 'UTC' }),
  ]);
  const channels = channelStatus();
  return (
    <>
      <PageHeader title="Platform alerts" subtitle={`${firing > 0 ? `${firing} firing now.` : 'Nothing firing now.'} Provider figures are the Providers page's (getProviderAnalytics) over each rule's window. Times in UTC.`} />
      <div className="space-y-6">
        <Card title="Add a platform rule">
          <RuleForm endpoint="/api/admin/alert-rules" metrics={PLATFORM_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))} providers={providers.map((p) => p.provider)} emailConfigured={channels.email === 'configured'} />
        </Card>
        <Card title="Rules">
          <RulesTable rules={rules} endpoint="/api/admin/alert-rules" timeZone="UTC" />
        </Card>
        <Card title="History">
          <HistoryTable rows={history} timeZone="UTC" />
        </Card>
        <Card title="Last deliveries">
          <DeliveriesTable rows={deliveries} timeZone="UTC" />
        </Card>
      </div>
    </>
  );
}
