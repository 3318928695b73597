import { StandaloneStatusPage } from '@/components/layout/StatusPage';

/** 403 outside the workspace and admin frames (those have their own forbidden.tsx, inside their header). */
export default function Forbidden() {
  return <StandaloneStatusPage code={403} title="Access denied" message="Your account cannot open this page." />;
}
