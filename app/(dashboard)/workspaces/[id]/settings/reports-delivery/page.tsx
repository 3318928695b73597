import type { Metadata } from 'next';
import { ReportDeliveryForm } from '@/components/alerts/ReportDeliveryForm';
import { ShareLinks } from '@/components/alerts/ShareLinks';
import { DeliveriesTable } from '@/components/alerts/tables';
import { requireSettingsSection } from '@/components/settings/access';
import { Card } from '@/components/ui';
import { listDeliveries } from '@/lib/alerts';
import { channelStatus } from '@/lib/alerts/api';
import { allows } from '@/lib/auth/access';
import { getDb } from '@/lib/db';
import { getReportDelivery } from '@/lib/delivery/report-subscription';
import { currentMonth, previousMonth } from '@/lib/reports';
import { listShareLinks } from '@/lib/share/links';

export const metadata: Metadata = { title: 'Reports delivery' };

/** Settings → Reports delivery: scheduled report emails, their last deliveries, and share links (owners). */
export default async function ReportsDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access, section } = await requireSettingsSection(id, 'reports-delivery');
  const workspaceId = access.workspace.id;
  const timeZone = access.workspace.timezone;
  const db = await getDb();
  const isOwner = allows(access, 'owner');
  const [settings, members, deliveries, links] = await Promise.all([
    getReportDelivery(db, workspaceId),
    db.membership.findMany({ where: { workspaceId }, select: { user: { select: { email: true } } }, orderBy: { user: { email: 'asc' } } }),
    listDeliveries(db, workspaceId, { kindPrefix: 'report.', limit: 12 }),
    isOwner ? listShareLinks(db, workspaceId) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <Card title={section.label}>
        <p className="mb-4 text-sm text-slate-600">
          {section.description} Local months of {timeZone}. Email: <strong>{channelStatus().email === 'configured' ? 'configured' : 'not configured (SMTP_URL): reports wait in the outbox'}</strong>.
        </p>
        <ReportDeliveryForm workspaceId={workspaceId} initial={settings} members={members.map((m) => m.user.email.toLowerCase())} />
      </Card>
      <Card title="Last report emails">
        <DeliveriesTable rows={deliveries} timeZone={timeZone} />
      </Card>
      {isOwner ? (
        <Card title="Share links">
          <p className="mb-4 text-sm text-slate-600">A read-only link to one month&apos;s report PDF for someone without an account. The link names nothing internal; it expires, and you can revoke it.</p>
          <ShareLinks
            workspaceId={workspaceId}
            defaultMonth={previousMonth(currentMonth(timeZone, new Date()))}
            links={links.map((l) => ({ id: l.id, month: l.month, status: l.status, expires_at: l.expires_at.toISOString(), last_opened_at: l.last_opened_at?.toISOString() ?? null }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
