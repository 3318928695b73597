import 'server-only';
import { forbidden } from 'next/navigation';
import { allows } from '@/lib/auth/access';
import { workspaceAccess } from '@/components/dashboard/data';
import { SETTINGS_SECTIONS, settingsSection, type SettingsSection } from './sections';

/** The sections this access may open. */
export function visibleSections(access: Parameters<typeof allows>[0]): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((section) => allows(access, section.minRole));
}

/**
 * For a settings page: the caller's access to the workspace (another workspace is a 404,
 * as everywhere) and a 403 when their role is below the section's.
 */
export async function requireSettingsSection(workspaceId: string, slug: string) {
  const access = await workspaceAccess(workspaceId);
  const section = settingsSection(slug);
  if (!allows(access, section.minRole)) forbidden();
  return { access, section };
}
