/**
 * Paths anyone may open without a session. API routes are not redirected either: they
 * answer 401 JSON themselves (lib/api/handler.ts), which is what a fetch() caller needs.
 */
export function isPublicPath(pathname: string): boolean {
  if (pathname === '/' || pathname === '/login' || pathname === '/logout') return true;
  if (pathname === '/api' || pathname.startsWith('/api/')) return true;
  if (pathname.startsWith('/_next/')) return true;
  // Share links to a report PDF: the signed token in the path is the credential (lib/share).
  if (pathname.startsWith('/share/')) return true;
  // Static files from public/ (favicon.ico, robots.txt, images): a dot in the last segment.
  return /\/[^/]+\.[A-Za-z0-9]+$/.test(pathname);
}
