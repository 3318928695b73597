import type { Metadata } from 'next';
import { PlanSection } from '@/components/billing/PlanSection';
import { requireSettingsSection } from '@/components/settings/access';

export const metadata: Metadata = { title: 'Plan' };

/** The workspace's plan and its history (owners and platform admins; read-only). */
export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access, section } = await requireSettingsSection(id, 'plan');
  return <PlanSection workspaceId={access.workspace.id} timeZone={access.workspace.timezone} title={section.label} />;
}
