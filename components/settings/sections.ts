import type { Role } from '@/lib/auth/roles';

/**
 * The sections of a workspace's Settings, in menu order. Each names the weakest role that
 * may open it (platform admins open all); the settings layout lets owners and workspace
 * admins in, and each page checks its own section's role as well.
 */
export type SettingsSection = { slug: string; label: string; minRole: Extract<Role, 'admin' | 'owner'>; description: string };

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { slug: 'api-keys', label: 'API keys', minRole: 'admin', description: 'Keys that let your platform send calls and usage to this workspace.' },
  { slug: 'integrations', label: 'Integrations', minRole: 'admin', description: 'Webhooks from Vapi, Retell and Bland: each connector has its own URL and secret, and a log of what it received.' },
  { slug: 'audit-log', label: 'Audit log', minRole: 'owner', description: 'Every privileged action in this workspace: who, when, what and from where.' },
  { slug: 'alerts', label: 'Alerts', minRole: 'admin', description: 'Rules that watch a figure over a trailing window and tell you, by email, webhook and in the app, when it crosses a threshold.' },
  { slug: 'reports-delivery', label: 'Reports delivery', minRole: 'admin', description: 'The monthly report and the quarterly executive summary, emailed on the 1st with the PDF attached.' },
  { slug: 'plan', label: 'Plan', minRole: 'owner', description: 'The workspace’s subscription tier, status and MRR, and every change of them.' },
];

export const SETTINGS_MIN_ROLE: Role = 'admin';

export function settingsSection(slug: string): SettingsSection {
  const section = SETTINGS_SECTIONS.find((s) => s.slug === slug);
  if (!section) throw new Error(`unknown settings section ${slug}`);
  return section;
}
