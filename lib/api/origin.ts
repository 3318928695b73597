/**
 * Cross-site request refusal for requests authenticated by the session cookie. A browser
 * attaches the cookie to a form post or fetch from any site, so a state-changing request
 * is accepted only when the browser says it comes from this app's own origin:
 *   - `Sec-Fetch-Site: same-origin` (every current browser sends it), or, failing that,
 *   - an `Origin` equal to the app's origin (NEXTAUTH_URL) or to the origin the request
 *     was addressed to (its Host, or X-Forwarded-Host behind a proxy).
 * A request with neither header is refused too: browsers send Origin on every cross-site
 * POST, so only non-browser clients omit both, and they have no business using a cookie.
 * Safe methods (GET, HEAD, OPTIONS) change nothing and are not checked.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function isSameOriginRequest(headers: Headers, appUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite === 'same-origin';
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  return allowedOrigins(headers, appUrl).has(origin.toLowerCase());
}

function allowedOrigins(headers: Headers, appUrl: string | undefined): Set<string> {
  const allowed = new Set<string>();
  if (appUrl) {
    try {
      allowed.add(new URL(appUrl).origin.toLowerCase());
    } catch {
      // a malformed NEXTAUTH_URL is reported at start-up; it allows nothing here
    }
  }
  const host = (headers.get('x-forwarded-host') ?? headers.get('host'))?.split(',')[0]?.trim();
  if (host) {
    const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
    allowed.add(`${proto}://${host}`.toLowerCase());
  }
  return allowed;
}
