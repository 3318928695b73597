import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses the CLI here; migrations run through the wasm schema
// engine (scripts/db/migrate.ts), so no datasource URL is needed.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
