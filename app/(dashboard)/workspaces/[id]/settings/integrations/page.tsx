import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { Card, CardSkeleton, EmptyState } from '@/components/ui';
import { requireSettingsSection } from '@/components/settings/access';
import { AddConnectorForm } from '@/components/settings/integrations/AddConnectorForm';
import { ConnectorActions } from '@/components/settings/integrations/ConnectorActions';
import { DeliveriesTable } from '@/components/settings/integrations/DeliveriesTable';
import { formatInstant } from '@/lib/charts/format';
import { listConnectors, listDeliveries, PLATFORM_LABELS, type ConnectorSummary } from '@/lib/connectors/store';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Integrations' };

const SHOWN = 50;

/** The app's public origin for the webhook URLs: NEXTAUTH_URL, else this request's host. */
async function appOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/+$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** Settings → Integrations (workspace admins and owners): connectors, their URLs and what they received. */
export default async function IntegrationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access, section } = await requireSettingsSection(id, 'integrations');
  const workspaceId = access.workspace.id;
  const origin = await appOrigin();
  return (
    <div className="space-y-6">
      <Card title={section.label}>
        <p className="mb-4 text-sm text-slate-600">{`${section.description} Times in ${access.workspace.timezone}.`}</p>
        <AddConnectorForm workspaceId={workspaceId} origin={origin} />
      </Card>
      <Suspense fallback={<CardSkeleton title="Connectors" height={160} />}>
        <ConnectorList workspaceId={workspaceId} timeZone={access.workspace.timezone} origin={origin} />
      </Suspense>
    </div>
  );
}

async function ConnectorList({ workspaceId, timeZone, origin }: { workspaceId: string; timeZone: string; origin: string }) {
  const connectors = await listConnectors(await getDb(), workspaceId);
  if (connectors.length === 0) {
    return (
      <Card title="Connectors">
        <EmptyState title="No connectors yet" description="Add one above, then paste its URL and secret into Vapi, Retell or Bland: calls appear on the dashboard as they end." />
      </Card>
    );
  }
  return (
    <>
      {connectors.map((c) => (
        <ConnectorCard key={c.id} connector={c} workspaceId={workspaceId} timeZone={timeZone} origin={origin} />
      ))}
    </>
  );
}

function ConnectorCard({ connector: c, workspaceId, timeZone, origin }: { connector: ConnectorSummary; workspaceId: string; timeZone: string; origin: string }) {
  const when = (d: Date | null) => (d ? formatInstant(d.toISOString(), timeZone) : 'never');
  return (
    <Card title={c.name}>
      <dl className="mb-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-slate-500">Platform</dt>
          <dd>{PLATFORM_LABELS[c.platform]}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Status</dt>
          <dd>{c.disabledAt ? <span className="text-red-700">Disabled (deliveries get 404)</span> : <span className="text-green-700">Active</span>}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-xs text-slate-500">Webhook URL</dt>
          <dd>
            <code className="break-all text-xs">{`${origin}${c.path}`}</code>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Last delivery</dt>
          <dd>{when(c.lastDeliveryAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Last 24 hours</dt>
          <dd data-testid="connector-24h">{`${c.last24h.accepted} accepted · ${c.last24h.rejected} rejected · ${c.last24h.ignored} ignored`}</dd>
        </div>
        {c.secretRotatedAt ? (
          <div className="sm:col-span-2">
            <dt className="text-xs text-slate-500">Secret rotated</dt>
            <dd>{`${when(c.secretRotatedAt)} (the previous secret works for 24 hours after)`}</dd>
          </div>
        ) : null}
      </dl>
      <div className="mb-4">
        <ConnectorActions workspaceId={workspaceId} connectorId={c.id} platform={c.platform} name={c.name} disabled={c.disabledAt !== null} />
      </div>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{`Last ${SHOWN} deliveries`}</h3>
      <Suspense fallback={<p className="text-sm text-slate-500">Loading deliveries…</p>}>
        <Deliveries workspaceId={workspaceId} connectorId={c.id} timeZone={timeZone} name={c.name} />
      </Suspense>
    </Card>
  );
}

async function Deliveries({ workspaceId, connectorId, timeZone, name }: { workspaceId: string; connectorId: string; timeZone: string; name: string }) {
  const rows = await listDeliveries(await getDb(), workspaceId, connectorId, SHOWN);
  return <DeliveriesTable rows={rows} timeZone={timeZone} caption={`Deliveries to ${name}`} />;
}
