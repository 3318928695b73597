import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui';
import { workspaceAccess } from '@/components/dashboard/data';
import { SettingsNav } from '@/components/settings/SettingsNav';
import { visibleSections } from '@/components/settings/access';
import { SETTINGS_MIN_ROLE } from '@/components/settings/sections';
import { allows } from '@/lib/auth/access';

/** Workspace settings: owners and workspace admins (and platform admins); members and viewers get 403. */
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await workspaceAccess(id);
  if (!allows(access, SETTINGS_MIN_ROLE)) forbidden();
  const sections = visibleSections(access).map(({ slug, label }) => ({ slug, label }));
  return (
    <>
      <PageHeader title="Settings" subtitle={access.workspace.name} />
      <div className="flex flex-col gap-6 md:flex-row">
        <SettingsNav base={`/workspaces/${access.workspace.id}/settings`} sections={sections} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </>
  );
}
