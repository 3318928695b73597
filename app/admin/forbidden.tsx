import Link from 'next/link';

/** Rendered with status 403 when a signed-in non-admin opens an admin page (requirePlatformAdmin). */
export default function AdminForbidden() {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-rose-700">403 · Forbidden</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Platform admins only</h1>
      <p className="mt-2 text-slate-600">
        The admin console shows figures across every workspace. Your account can open the dashboards of the workspaces
        you belong to.
      </p>
      <Link href="/workspaces" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Go to your workspaces
      </Link>
    </section>
  );
}
