// GET /api/health: liveness plus the database round trip and schema version, for operators and the
// extension's "server reachable?" check. Public: it reveals nothing about any city.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Health } from '../../shared/api/health.ts';
import type { AppEnv } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import journal from '../drizzle/meta/_journal.json' with { type: 'json' };

const expected = journal.entries.length;
const latest = journal.entries.at(-1)?.tag ?? '';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db, clock } = c.get('deps');
  const time = new Date(clock()).toISOString();
  const reachable = await db.run(sql`SELECT 1`).then(
    () => true,
    () => false,
  );
  const applied = reachable ? await appliedMigrations(db) : null;
  const ok = applied === expected;
  const body: Health = {
    status: ok ? 'ok' : 'unavailable',
    db: { reachable },
    schema: { applied, expected, latest },
    time,
  };
  return c.json(body, ok ? 200 : 503);
});

/** drizzle's migrator records one row per applied migration; no table yet means none applied. */
async function appliedMigrations(db: Db): Promise<number> {
  try {
    const rows = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}
