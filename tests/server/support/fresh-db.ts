// A fresh, migrated database for one test: an embedded libSQL file in its own temp folder, removed when the
// test ends. No mocks: the app under test talks to a real database (STYLE.md §8).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { type Db, openDb } from '../../../server/db/client.ts';
import { applyMigrations } from '../../../server/db/migrate.ts';

export interface TempDb {
  db: Db;
  dir: string;
  url: string;
}

/** Opens (and migrates) a file database in a new temp folder; call inside a test. */
export async function freshFileDb({ migrate = true } = {}): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'icc-server-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await openDb({ url, connections: 2 });
  if (migrate) await applyMigrations(db);
  onTestFinished(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, dir, url };
}
