import type { Metadata } from 'next';
import { Card, DataTable, EmptyState, type Column } from '@/components/ui';
import { AuditTable } from '@/components/settings/AuditTable';
import { CreateApiKeyForm, RevokeApiKeyButton } from '@/components/settings/ApiKeyForms';
import { requireSettingsSection } from '@/components/settings/access';
import { listApiKeys, type ApiKeySummary } from '@/lib/apikeys';
import { listAuditEntries } from '@/lib/audit';
import { formatInstant } from '@/lib/charts/format';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'API keys' };

/** The workspace's API keys for POST /api/v1/events: create (shown once), list, revoke; and who did which. */
export default async function ApiKeysPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access, section } = await requireSettingsSection(id, 'api-keys');
  const workspaceId = access.workspace.id;
  const timeZone = access.workspace.timezone;
  const db = await getDb();
  const [keys, audit] = await Promise.all([listApiKeys(db, workspaceId), listAuditEntries(db, { workspaceId, targetType: 'api_key', limit: 50 })]);
  const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatInstant(date.toISOString(), timeZone)}</time> : '—');
  const columns: Column<ApiKeySummary>[] = [
    { key: 'name', header: 'Name', cell: (k) => k.name },
    { key: 'prefix', header: 'Key', cell: (k) => <code className="text-xs">{`${k.prefix}…`}</code> },
    { key: 'created', header: 'Created', cell: (k) => when(k.createdAt), hideOnMobile: true },
    { key: 'used', header: 'Last used', cell: (k) => when(k.lastUsedAt), hideOnMobile: true },
    {
      key: 'state',
      header: 'Status',
      cell: (k) =>
        k.revokedAt ? (
          <span className="text-slate-500">Revoked {formatInstant(k.revokedAt.toISOString(), timeZone)}</span>
        ) : (
          <RevokeApiKeyButton workspaceId={workspaceId} keyId={k.id} label={k.name} />
        ),
    },
  ];
  return (
    <div className="space-y-6">
      <Card title={section.label}>
        <p className="mb-4 text-sm text-slate-600">
          {`${section.description} Send events with `}
          <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>
          {` to `}
          <code className="text-xs">POST /api/v1/events</code>
          {`. Times in ${timeZone}.`}
        </p>
        <CreateApiKeyForm workspaceId={workspaceId} />
      </Card>
      <Card title="Keys">
        <DataTable
          caption="API keys"
          columns={columns}
          rows={keys}
          rowKey={(k) => k.id}
          empty={<EmptyState title="No API keys yet" description="Create one above to send your calls to VoiceDash." />}
        />
      </Card>
      <Card title="Key activity">
        <AuditTable rows={audit} timeZone={timeZone} caption="API key audit entries" />
      </Card>
    </div>
  );
}
