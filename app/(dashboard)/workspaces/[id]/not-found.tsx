import { StatusPage } from '@/components/layout/StatusPage';

/**
 * An unknown agent, call or invoice of a workspace the caller belongs to: the same words as
 * the root 404 (it never says whether the thing exists), under the workspace's header.
 */
export default function WorkspaceNotFound() {
  return <StatusPage code={404} title="Page not found" message="This page does not exist, or you do not have access to it." />;
}
