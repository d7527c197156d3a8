// drizzle-kit generates SQL migrations from the schema into server/drizzle; the server applies them at start
// (server/db/migrate.ts). Generation needs no database, so no credentials here.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema/index.ts',
  out: './server/drizzle',
});
