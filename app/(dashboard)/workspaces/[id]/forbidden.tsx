import { StatusPage } from '@/components/layout/StatusPage';

/** 403 inside a workspace (Settings for members and viewers), under the workspace's own header. */
export default function WorkspaceForbidden() {
  return (
    <StatusPage
      code={403}
      title="Owners and admins only"
      message="Settings of this workspace are for its owners and admins. Ask an owner if something here needs to change."
    />
  );
}
