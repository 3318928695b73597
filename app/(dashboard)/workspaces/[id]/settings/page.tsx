import { forbidden, redirect } from 'next/navigation';
import { workspaceAccess } from '@/components/dashboard/data';
import { visibleSections } from '@/components/settings/access';

/** /settings opens the first section the caller may see. */
export default async function SettingsIndex({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await workspaceAccess(id);
  const first = visibleSections(access)[0];
  if (!first) forbidden();
  redirect(`/workspaces/${access.workspace.id}/settings/${first.slug}`);
}
