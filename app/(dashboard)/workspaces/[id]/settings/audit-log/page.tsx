import type { Metadata } from 'next';
import { Card } from '@/components/ui';
import { AuditTable } from '@/components/settings/AuditTable';
import { requireSettingsSection } from '@/components/settings/access';
import { listAuditEntries } from '@/lib/audit';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Audit log' };

const SHOWN = 200;

/** The workspace's audit trail, newest first (owners and platform admins). */
export default async function AuditLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access, section } = await requireSettingsSection(id, 'audit-log');
  const rows = await listAuditEntries(await getDb(), { workspaceId: access.workspace.id, limit: SHOWN });
  return (
    <Card title={section.label}>
      <p className="mb-3 text-sm text-slate-600">{`${section.description} The latest ${SHOWN} entries; times in ${access.workspace.timezone}.`}</p>
      <AuditTable rows={rows} timeZone={access.workspace.timezone} caption="Audit log" />
    </Card>
  );
}
