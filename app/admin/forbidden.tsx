import { StatusPage } from '@/components/layout/StatusPage';

/** Rendered with status 403 when a signed-in non-admin opens an admin page (requirePlatformAdmin), inside the admin header. */
export default function AdminForbidden() {
  return (
    <StatusPage
      code={403}
      title="Platform admins only"
      message="The admin console shows figures across every workspace. Your account can open the dashboards of the workspaces you belong to."
    />
  );
}
