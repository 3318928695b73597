import type { MembershipRole } from '@/lib/generated/prisma/enums';

/** Workspace roles, weakest first. Every role may read its workspace's analytics, exports and reports. */
export const ROLES = ['viewer', 'member', 'admin', 'owner'] as const satisfies readonly MembershipRole[];
export type Role = (typeof ROLES)[number];

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
