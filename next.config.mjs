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
};

export default nextConfig;
