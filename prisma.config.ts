// Used by the Prisma CLI (generate, and migrate for users who have Prisma's native engine).
// Keydesk applies migrations itself at start: see packages/db/src/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/keydesk.db' },
});
