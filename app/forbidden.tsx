import { AppHeader } from '@/components/layout/AppHeader';
import { StatusPage } from '@/components/layout/StatusPage';

/** 403 outside the workspace and admin frames (those have their own forbidden.tsx, inside their header). */
export default function Forbidden() {
  return (
    <div className="min-h-screen">
      <AppHeader />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <StatusPage code={403} title="Access denied" message="Your account cannot open this page." />
      </main>
    </div>
  );
}
