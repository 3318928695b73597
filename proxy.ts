import { NextResponse, type NextRequest } from 'next/server';
import { readSessionToken } from '@/lib/auth/caller';
import { loginPath } from '@/lib/auth/login-path';
import { isPublicPath } from '@/lib/auth/public-paths';
import { createNonce, pageContentSecurityPolicy } from '@/lib/security/headers';

/**
 * Every page request passes here first:
 * - it gets a Content-Security-Policy with a fresh nonce. The policy goes on the request
 *   too, which is how Next.js learns the nonce and puts it on the scripts it renders.
 * - signed-out visitors of app pages go to /login?callbackUrl=<where they were going>.
 *   Only the token's signature and expiry are checked here (no database): this is the fast
 *   first gate, and pages still call requireCaller()/requireWorkspaceAccess() from
 *   lib/auth/server.ts, which reload the user. API routes are left to the handler wrapper.
 * The fixed security headers (nosniff, referrer, permissions, HSTS) come from next.config.mjs.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const csp = pageContentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === 'development', https });

  let response: NextResponse;
  if (isPublicPath(pathname) || (await readSessionToken(request))) {
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
  } else {
    response = NextResponse.redirect(new URL(loginPath(pathname + search), request.url));
  }
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages only: static chunks, images, files and API routes never reach the proxy.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.svg|robots\\.txt).*)'],
};
