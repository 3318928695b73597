'use client';

import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import { TOO_MANY_ATTEMPTS } from '@/lib/auth/errors';
import { signInErrorMessage } from './messages';

type Props = { callbackUrl: string; initialError: string | null };

/**
 * Email + password through next-auth's credentials provider with redirect: false, so a
 * refusal is shown here (in a live region) instead of on another page. The callback URL
 * was made safe on the server (a local path only).
 */
export function LoginForm({ callbackUrl, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        callbackUrl,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so that every server component sees the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setError(signInErrorMessage(result?.status === 429 ? TOO_MANY_ATTEMPTS : (result?.error ?? 'unknown')));
    } catch {
      setError('We could not reach the server. Check your connection and try again.');
    }
    setPending(false);
    emailRef.current?.focus();
  }

  const inputClass =
    'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-400 ' +
    'focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 ' +
    'aria-invalid:border-red-500';

  return (
    <form onSubmit={onSubmit} noValidate={false} className="space-y-5" aria-describedby="login-error">
      <div className="space-y-1.5">
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
          className={inputClass}
        />
      </div>
      <div id="login-error" aria-live="polite" aria-atomic="true" className="min-h-5 text-sm">
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
