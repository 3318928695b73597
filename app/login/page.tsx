import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/login-path';
import { getCaller } from '@/lib/auth/server';
import { LoginForm } from './login-form';
import { DEFAULT_AFTER_SIGN_IN, signInErrorMessage } from './messages';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), DEFAULT_AFTER_SIGN_IN);
  // Someone already signed in has nothing to do here.
  if (await getCaller()) redirect(callbackUrl);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-8 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">VoiceDash</p>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in</h1>
          <p className="text-sm text-slate-600">Use the email and password of your workspace account.</p>
        </div>
        <LoginForm callbackUrl={callbackUrl} initialError={signInErrorMessage(first(params.error))} />
      </div>
    </main>
  );
}
