import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { freshFileDb } from './support/fresh-db.ts';

describe('migrations', () => {
  it('are idempotent: a restart on the same file applies nothing twice and keeps the data', async () => {
    const { db, url } = await freshFileDb();
    await db.run(
      sql`INSERT INTO cities (id, name, country, lang, created_at) VALUES ('c1', 'Lyon', 'FR', 'fr', '2025-01-01T00:00:00Z')`,
    );
    const count = async (d: typeof db) =>
      Number((await d.all<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`))[0]?.n);
    const before = await count(db);

    // A second start: a new client on the same file, migrations applied again.
    const again = await openDb({ url, connections: 2 });
    await applyMigrations(again);
    await applyMigrations(again);
    expect(await count(again)).toBe(before);
    const rows = await again.all<{ name: string }>(sql`SELECT name FROM cities`);
    expect(rows).toEqual([{ name: 'Lyon' }]);
    again.$client.close();
  });

  it('opens file databases in WAL mode with synchronous=NORMAL on every pooled connection', async () => {
    const { db } = await freshFileDb();
    const txs = await Promise.all([db.$client.transaction('deferred'), db.$client.transaction('deferred')]);
    for (const tx of txs) {
      expect((await tx.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal');
      expect((await tx.execute('PRAGMA synchronous')).rows[0]?.synchronous).toBe(1);
      expect((await tx.execute('PRAGMA busy_timeout')).rows[0]?.timeout).toBe(5000);
      tx.close();
    }
  });
});
