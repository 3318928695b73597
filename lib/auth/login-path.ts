/**
 * A callback URL we are willing to send someone to after sign-in: a path on this site
 * ("/w/123?period=week"), never another origin ("//evil.example", "https://…", "/\\evil").
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  // Sending someone back to the login or logout page after signing in is a loop.
  if (/^\/(login|logout)(\/|\?|#|$)/.test(value)) return fallback;
  return value;
}

/** /login, remembering where to go afterwards. */
export function loginPath(callbackUrl?: string): string {
  const target = safeCallbackPath(callbackUrl, '');
  return target ? `/login?callbackUrl=${encodeURIComponent(target)}` : '/login';
}
