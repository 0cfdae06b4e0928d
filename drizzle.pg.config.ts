import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations, generated from the tables derived from the one schema (api/src/db/pg-schema.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './api/src/db/pg-schema.ts',
  out: './api/src/db/migrations-pg',
});
