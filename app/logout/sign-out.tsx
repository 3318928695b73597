'use client';

import { signOut } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';

/**
 * Signs out as soon as the page opens (a POST with next-auth's CSRF token clears the
 * session cookie), then goes to /login. If that fails, a button lets the person retry.
 */
export function SignOut() {
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  async function run() {
    setFailed(false);
    try {
      // redirect: false, then our own relative navigation: next-auth would send the browser
      // to an absolute URL built from NEXTAUTH_URL, which may name another host or port.
      // A full load rather than router.push: the client router cache still holds pages
      // rendered for the signed-in user.
      await signOut({ redirect: false });
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/login');
    } catch {
      setFailed(true);
    }
  }

  useEffect(() => {
    // React's development double-run of effects must not sign out twice.
    if (started.current) return;
    started.current = true;
    void run();
  }, []);

  return (
    <div aria-live="polite" className="space-y-4 text-center">
      {failed ? (
        <>
          <p role="alert" className="font-medium text-red-700">
            Signing out did not work. Check your connection and try again.
          </p>
          <button
            type="button"
            onClick={() => void run()}
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Sign out
          </button>
        </>
      ) : (
        <p className="text-slate-700">Signing you out…</p>
      )}
    </div>
  );
}
