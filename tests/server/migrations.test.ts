import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDb } from '../../server/db/client.ts';
import { applyMigrations, migrationsFolder } from '../../server/db/migrate.ts';
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

  it('keep a search index built before the prefix indexes (0007): same rows, same rowids, found by prefix', async () => {
    // The migrations as they were before 0007: a copy of the folder with the journal cut there.
    const before = mkdtempSync(join(tmpdir(), 'icc-migrations-'));
    onTestFinished(() => rmSync(before, { recursive: true, force: true }));
    cpSync(migrationsFolder, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag.startsWith('0007_'));
    expect(cut).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));

    const { db } = await freshFileDb({ migrate: false });
    await migrate(db, { migrationsFolder: before });
    const row = (rowid: number, title: string, content: string) =>
      db.$client.execute({
        sql: `INSERT INTO search_fts (rowid, title, tags, areas, body, highlights, site, content, city)
              VALUES (?, ?, '', '', '', '', '', ?, 'cityx')`,
        args: [rowid, title, content],
      });
    await row(7, 'welcome desk for newcomers', 'intercultural mediation in schools');
    await row(12, 'neighbourhood festival', 'welcoming families');
    const find = async (match: string) =>
      (
        await db.$client.execute({
          sql: 'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid',
          args: [match],
        })
      ).rows.map((r) => Number(r.rowid));
    expect(await find('"welcom"*')).toEqual([7, 12]);

    await applyMigrations(db);
    const ddl = await db.$client.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'");
    expect(String(ddl.rows[0]!.sql)).toContain("prefix = '2 3 4 5 6'");
    expect(await find('"welcom"*')).toEqual([7, 12]);
    expect(await find('"medi"* "scho"*')).toEqual([7]);
    expect(await find('{title} : "fest"*')).toEqual([12]);
    expect(await find('"cityx"')).toEqual([7, 12]);
  });
});
