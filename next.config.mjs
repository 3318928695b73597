/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite ships its own
  // WASM and data files, pdfkit its font metrics, pg optional native bindings.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'pg-cursor', 'pdfkit', '@prisma/adapter-pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
