/** Sent with every response, whatever it is. */
const COMMON_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // The dashboard uses none of these; deny them to anything that ends up on a page.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  // For browsers that predate CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
];
/** Only when the request came over https (a TLS-terminating proxy says so in X-Forwarded-Proto). */
const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };
/** Responses that are not pages (JSON, CSV, PDF, files): nothing may run in or frame them. */
const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite ships its own
  // WASM and data files, pdfkit its font metrics, pg optional native bindings.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'pg-cursor', 'pdfkit', '@prisma/adapter-pg'],
  // Separate build folders let several builds (e.g. parallel e2e runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The build type-checks the app only; tests, e2e and scripts are checked by
  // `npm run typecheck` (CI), so a half-written test cannot block a build.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Lets requirePlatformAdmin() answer 403 through forbidden() (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // Security headers of every response. Pages get their Content-Security-Policy, with a
  // per-request nonce, from proxy.ts (lib/security/headers.ts).
  async headers() {
    return [
      { source: '/:path*', headers: [...COMMON_SECURITY_HEADERS] },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [HSTS] },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: NON_PAGE_CONTENT_SECURITY_POLICY }] },
      { source: '/(favicon\\.svg|robots\\.txt)', headers: [{ key: 'Content-Security-Policy', value: NON_PAGE_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
