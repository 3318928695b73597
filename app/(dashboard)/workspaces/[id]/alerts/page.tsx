import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryTable } from '@/components/alerts/tables';
import { workspaceAccess } from '@/components/dashboard/data';
import { Card, PageHeader } from '@/components/ui';
import { countFiring, listAlertHistory } from '@/lib/alerts';
import { allows } from '@/lib/auth/access';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Alert history' };

/** The workspace's alert history: when each rule fired, its value, when it resolved. Every member. */
export default async function AlertHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await workspaceAccess(id);
  const db = await getDb();
  const [rows, firing] = await Promise.all([listAlertHistory(db, access.workspace.id), countFiring(db, access.workspace.id)]);
  return (
    <>
      <PageHeader title="Alert history" subtitle={`${firing > 0 ? `${firing} firing now.` : 'Nothing firing now.'} Times in ${access.workspace.timezone}; the last 100 alerts.`} />
      {allows(access, 'admin') ? (
        <p className="mb-4 text-sm">
          <Link className="text-brand-700 underline" href={`/workspaces/${access.workspace.id}/settings/alerts`}>Manage alert rules</Link>
        </p>
      ) : null}
      <Card title="Alerts">
        <HistoryTable rows={rows} timeZone={access.workspace.timezone} />
      </Card>
    </>
  );
}
