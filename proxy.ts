import { NextResponse, type NextRequest } from 'next/server';
import { readSessionToken } from '@/lib/auth/caller';
import { loginPath } from '@/lib/auth/login-path';
import { isPublicPath } from '@/lib/auth/public-paths';

/**
 * Signed-out visitors of app pages go to /login?callbackUrl=<where they were going>.
 * Only the token's signature and expiry are checked here (no database): this is the
 * fast first gate, and pages still call requireCaller()/requireWorkspaceAccess() from
 * lib/auth/server.ts, which reload the user. API routes are left to the handler wrapper.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  if (await readSessionToken(request)) return NextResponse.next();
  return NextResponse.redirect(new URL(loginPath(pathname + search), request.url));
}

export const config = {
  // Static chunks, images and API routes never reach the proxy at all.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico).*)'],
};
