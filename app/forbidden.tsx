import type { Metadata } from 'next';
import { StandaloneStatusPage } from '@/components/layout/StatusPage';

// An unmatched address renders outside every page: its <title> comes from here.
export const metadata: Metadata = { title: 'Access denied' };

/** 403 outside the workspace and admin frames (those have their own forbidden.tsx, inside their header). */
export default function Forbidden() {
  return <StandaloneStatusPage code={403} title="Access denied" message="Your account cannot open this page." />;
}
