import { defineConfig } from 'drizzle-kit';

// Used only by `npx nx run core-api:db-generate` to write SQL migrations from src/database/schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/core-api/src/database/schema.ts',
  out: './apps/core-api/migrations',
});
