import Link from 'next/link';

export default function LandingPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-4xl flex-col justify-center gap-10 px-6 py-16">
      <div className="space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">VoiceDash</p>
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          What your AI phone agents did, and what they cost.
        </h1>
        <p className="max-w-2xl text-lg text-slate-600">
          Calls, minutes, success and sentiment per agent, cost per provider, monthly reports and exports you can
          bill on, in your own time zone. Platform admins see revenue, MRR, churn and provider margins.
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/login" className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white shadow-sm hover:bg-brand-700">
          Sign in
        </Link>
        <Link href="/workspaces" className="rounded-md border border-slate-300 bg-white px-5 py-2.5 font-medium text-slate-700 hover:bg-slate-100">
          Open the dashboard
        </Link>
      </div>
      <ul className="grid gap-4 text-sm text-slate-600 sm:grid-cols-3">
        <li className="rounded-lg border border-slate-200 bg-white p-4"><strong className="block text-slate-900">Exact money</strong>Sums in decimal, never floating point.</li>
        <li className="rounded-lg border border-slate-200 bg-white p-4"><strong className="block text-slate-900">Your time zone</strong>Days and hours as your callers lived them.</li>
        <li className="rounded-lg border border-slate-200 bg-white p-4"><strong className="block text-slate-900">Private by design</strong>Every figure scoped to the workspaces you belong to.</li>
      </ul>
    </main>
  );
}
