import type { Metadata } from 'next';
import { StandaloneStatusPage } from '@/components/layout/StatusPage';

// An unmatched address renders outside every page: its <title> comes from here.
export const metadata: Metadata = { title: 'Page not found' };

/**
 * Another workspace, an unknown agent and a mistyped address all land here, and look the
 * same: the page does not say whether the thing exists. The app header stays, so the
 * way back (and Sign out) is where it always is.
 */
export default function NotFound() {
  return <StandaloneStatusPage code={404} title="Page not found" message="This page does not exist, or you do not have access to it." />;
}
