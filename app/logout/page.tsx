import type { Metadata } from 'next';
import { SignOut } from './sign-out';

export const metadata: Metadata = { title: 'Sign out' };

export default function LogoutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-center text-2xl font-bold tracking-tight text-slate-900">Sign out</h1>
        <SignOut />
      </div>
    </main>
  );
}
