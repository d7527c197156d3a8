// Applies the generated migrations in server/drizzle. drizzle's migrator reads the SQL files from disk, so
// only entry points (server/main.ts, the admin CLI) and tests call this; the app never imports it.
// Already-applied migrations are recorded in `__drizzle_migrations` and skipped, so starting twice is safe.
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
