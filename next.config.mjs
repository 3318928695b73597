/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite ships its own
  // WASM and data files, pdfkit its font metrics, pg optional native bindings.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'pg-cursor', 'pdfkit', '@prisma/adapter-pg'],
  // Separate build folders let several builds (e.g. parallel e2e runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Lets requirePlatformAdmin() answer 403 through forbidden() (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default nextConfig;
