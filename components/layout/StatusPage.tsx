import Link from 'next/link';
import { AppHeader } from './AppHeader';

/**
 * The body of a 403 or 404 page: its own <title> (React 19 hoists it into <head>) and h1,
 * a sentence, and a way back. The header around it is the layout's (workspace or admin)
 * or AppHeader's.
 */
export function StatusPage({ code, title, message, back = { href: '/workspaces', label: 'Go to your workspaces' } }: { code: 403 | 404; title: string; message: string; back?: { href: string; label: string } }) {
  return (
    <section className="mx-auto flex min-h-[50vh] max-w-xl flex-col items-center justify-center gap-4 px-2 text-center">
      <title>{`${title} · VoiceDash`}</title>
      <p className={`text-sm font-semibold uppercase tracking-wide ${code === 403 ? 'text-rose-700' : 'text-brand-700'}`}>{code === 403 ? '403 · Forbidden' : '404 · Not found'}</p>
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="text-slate-600">{message}</p>
      <Link href={back.href} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {back.label}
      </Link>
    </section>
  );
}

/** A 403 or 404 outside the workspace and admin frames: the app header above it. */
export function StandaloneStatusPage(props: Parameters<typeof StatusPage>[0]) {
  return (
    <div className="min-h-screen">
      <AppHeader />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <StatusPage {...props} />
      </main>
    </div>
  );
}
