// Migration 0010 (issue 15): rows stored before the schemas refused lone surrogates hold their JSON escapes
// (`\ud800`), which SQLite's JSON functions extract as invalid UTF-8 (the libSQL client then panics). The
// migration replaces each with `\ufffd` in every stored JSON column and gives the repaired objects a new
// library version; then search, the search index's catch-up and the practice page work on them. And the
// server's start survives a row holding one that no migration repaired (written by hand, or by another tool).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { applyMigrations, migrationsFolder } from '../../server/db/migrate.ts';
import { catchUpAllSearchIndexes } from '../../server/library/search-index.ts';
import { createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import { repairLoneSurrogateEscapes, wellFormedDeep } from '../../shared/well-formed.ts';
import { freshFileDb } from './support/fresh-db.ts';
import { createHighlight, createPractice, practiceFields } from './support/mutations.ts';

const cityId = 'c0000000-0000-7000-8000-000000000001';
const memberId = 'm0000000-0000-7000-8000-000000000001';
const practiceId = '01955000-0000-7000-8000-0000000000a1';
const highlightId = '01955000-0000-7000-8000-0000000000b1';
const at = '2025-03-01T09:00:00.000Z';
const clock = { hlc: `${at}-0000`, client: 'c', mutation: 'm', member: memberId, version: 1 };

/** A database migrated up to the migration before 0010, as a server before the fix left it. */
async function databaseBefore0010() {
  const before = mkdtempSync(join(tmpdir(), 'icc-migrations-'));
  onTestFinished(() => rmSync(before, { recursive: true, force: true }));
  cpSync(migrationsFolder, before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith('0010_'));
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  const temp = await freshFileDb({ migrate: false });
  await migrate(temp.db, { migrationsFolder: before });
  // Written with plain SQL, as the columns were then (the app's own writes follow the current schema).
  await temp.db.$client.batch([
    {
      sql: `INSERT INTO cities (id, name, country, lang, created_at, library_version) VALUES (?, 'Lyon', 'FR', 'fr', ?, 3)`,
      args: [cityId, at],
    },
    {
      sql: `INSERT INTO members (id, city_id, name, email, role, created_at) VALUES (?, ?, 'Ana', NULL, 'coordinator', ?)`,
      args: [memberId, cityId, at],
    },
  ]);
  return temp;
}

/** Inserts a library object as the push stored it: `data` and `meta` are JSON.stringify's texts. */
const insertObject = (
  db: Awaited<ReturnType<typeof databaseBefore0010>>['db'],
  o: { id: string; kind: string; parentId?: string; version: number; data: unknown; meta?: unknown },
) =>
  db.$client.execute({
    sql: `INSERT INTO library_objects (city_id, id, kind, version, parent_id, created_at, created_by, updated_at,
            updated_by, deleted_at, data, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    args: [
      cityId,
      o.id,
      o.kind,
      o.version,
      o.parentId ?? null,
      at,
      memberId,
      at,
      memberId,
      JSON.stringify(o.data),
      JSON.stringify(o.meta ?? { clocks: {}, sets: {} }),
    ],
  });

describe('migration 0010: lone surrogates in stored rows', () => {
  it('repairs every stored JSON column, renews the repaired objects, and search works on them', async () => {
    const { db, url } = await databaseBefore0010();
    const practice = {
      ...practiceFields({
        title: 'Welcome\ud800 desk',
        excerpt: 'twelve \udc00languages',
        siteName: 'Lyon\udbff',
        lang: 'fr\ud800',
        url: 'https://www.lyon.fr/\ud800',
        // Kept as they are: an emoji (a well-formed pair) and the letters after an escaped backslash.
        note: 'café 😀 and a backslash: \\ud800',
      }),
      areas: ['education'],
      tags: ['desk\ud800'],
      stakeholderIds: [],
    };
    const removedTag = { key: 'old\ud800', value: 'old\ud800', present: false, clock };
    await insertObject(db, {
      id: practiceId,
      kind: 'practice',
      version: 1,
      data: practice,
      meta: { clocks: {}, sets: { tags: [removedTag] } },
    });
    const highlight = createHighlight(practiceId, highlightId).fields;
    await insertObject(db, {
      id: highlightId,
      kind: 'highlight',
      parentId: practiceId,
      version: 2,
      data: { ...highlight, quote: { ...highlight.quote, exact: 'twelve\ud800' } },
    });
    await db.$client.batch([
      {
        sql: `INSERT INTO conflicts (id, city_id, kind, object_id, field, lost_value, lost_by, lost_at, won_value, won_by,
                won_at, version, created_at, status) VALUES ('k1', ?, 'practice', ?, 'title', ?, ?, ?, ?, ?, ?, 3, ?, 'open')`,
        args: [
          cityId,
          practiceId,
          JSON.stringify('lost\ud800'),
          memberId,
          at,
          JSON.stringify('won'),
          memberId,
          at,
          at,
        ],
      },
      {
        sql: `INSERT INTO glossary_terms (city_id, id, labels, concept_id, note, created_at, created_by, updated_at)
              VALUES (?, 't1', ?, NULL, '', ?, ?, ?)`,
        args: [cityId, JSON.stringify({ fr: 'accueil\udc00' }), at, memberId, at],
      },
    ]);
    const hex = async (sql: string) => String((await db.$client.execute(sql)).rows[0]![0]);
    // What crashed the server: json_extract gives the escape as invalid UTF-8 (ED A0 80), read here as hex.
    expect(
      await hex(`SELECT hex(json_extract(data, '$.title')) FROM library_objects WHERE kind = 'practice'`),
    ).toContain('EDA080');

    await applyMigrations(db);

    const rows = await db.$client.execute('SELECT id, version, data, meta FROM library_objects ORDER BY id');
    const stored = Object.fromEntries(rows.rows.map((r) => [String(r.id), r]));
    const data = JSON.parse(String(stored[practiceId]!.data));
    expect(data).toEqual(wellFormedDeep(practice));
    expect([data.title, data.excerpt, data.siteName, data.lang, data.url, data.tags]).toEqual([
      'Welcome\ufffd desk',
      'twelve \ufffdlanguages',
      'Lyon\ufffd',
      'fr\ufffd',
      'https://www.lyon.fr/\ufffd',
      ['desk\ufffd'],
    ]);
    expect(data.note).toBe('café 😀 and a backslash: \\ud800');
    expect(JSON.parse(String(stored[practiceId]!.meta)).sets.tags[0].value).toBe('old\ufffd');
    expect(JSON.parse(String(stored[highlightId]!.data)).quote.exact).toBe('twelve\ufffd');
    for (const r of rows.rows) {
      expect(repairLoneSurrogateEscapes(String(r.data))).toBe(String(r.data));
      expect(repairLoneSurrogateEscapes(String(r.meta))).toBe(String(r.meta));
    }
    expect(
      await hex(`SELECT hex(json_extract(data, '$.title')) FROM library_objects WHERE kind = 'practice'`),
    ).toBe(Buffer.from('Welcome\ufffd desk').toString('hex').toUpperCase());
    const conflict = await db.$client.execute('SELECT lost_value FROM conflicts');
    expect(JSON.parse(String(conflict.rows[0]!.lost_value))).toBe('lost\ufffd');
    const term = await db.$client.execute('SELECT labels FROM glossary_terms');
    expect(JSON.parse(String(term.rows[0]!.labels))).toEqual({ fr: 'accueil\ufffd' });
    // Both objects renewed with one new library version: members pull them again, the index re-reads them.
    const city = await db.$client.execute({
      sql: 'SELECT library_version FROM cities WHERE id = ?',
      args: [cityId],
    });
    expect(Number(city.rows[0]!.library_version)).toBe(4);
    expect(rows.rows.map((r) => Number(r.version))).toEqual([4, 4]);

    // The start's catch-up, then a search and the practice's page, through the real app.
    await catchUpAllSearchIndexes(db);
    const { secret } = await issueToken(db, { cityId, memberId }, Date.parse(at));
    const app = createApp({ db, log: () => {}, rateLimit: false });
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { Authorization: `Bearer ${secret}` } });
      return { status: res.status, body: await res.json() };
    };
    const search = await get('/api/library/search?q=twelve');
    expect(search.status).toBe(200);
    expect(search.body.items.map((i: { title: string }) => i.title)).toEqual(['Welcome\ufffd desk']);
    expect((await get(`/api/library/practices/${practiceId}`)).status).toBe(200);
    // A second start finds nothing more to do.
    const again = await openDb({ url, connections: 1 });
    onTestFinished(() => again.$client.close());
    await applyMigrations(again);
    const after = await again.$client.execute('SELECT library_version FROM cities');
    expect(Number(after.rows[0]!.library_version)).toBe(4);
  });

  it('gives the same text as the JS repair, holding the repaired value, for any stored value', async () => {
    const { db } = await databaseBefore0010();
    // Strings of any UTF-16 code units (lone surrogates likely), backslashes and `\u` look-alikes.
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          '\\',
          'u',
          'd',
          '8',
          'c',
          'D',
          '\ud800',
          '\udc00',
          '\udbff',
          '\udfff',
          '😀',
          '"',
          '\n',
        ),
        fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      ),
      maxLength: 24,
    });
    const values = fc.sample(
      fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 4 }),
      {
        numRuns: 300,
        seed: 15,
      },
    );
    for (const [i, value] of values.entries())
      await insertObject(db, {
        id: `01955000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        kind: 'snippet',
        version: 1,
        data: value,
      });
    await applyMigrations(db);
    const rows = await db.$client.execute('SELECT data FROM library_objects ORDER BY id');
    expect(rows.rows).toHaveLength(values.length);
    for (const [i, value] of values.entries()) {
      const storedText = String(rows.rows[i]!.data);
      expect(storedText).toBe(repairLoneSurrogateEscapes(JSON.stringify(value)));
      expect(JSON.parse(storedText)).toEqual(wellFormedDeep(value));
    }
  });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('the server start with a bad row', () => {
  it('starts, catches its search index up and answers searches though a row holds a lone-surrogate escape', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'icc-start-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const db = await openDb({ url: `file:${join(dataDir, 'icc-clipper.db')}`, connections: 1 });
    await applyMigrations(db);
    const city = await createCity(db, { name: 'Lyon', country: 'FR', lang: 'fr' }, Date.parse(at));
    await db.$client.execute({
      sql: `INSERT INTO members (id, city_id, name, email, role, created_at) VALUES (?, ?, 'Ana', NULL, 'coordinator', ?)`,
      args: [memberId, city.id, at],
    });
    const { secret } = await issueToken(db, { cityId: city.id, memberId }, Date.parse(at));
    const p = createPractice(practiceId, { title: 'Welcome desk' });
    const h = createHighlight(practiceId, highlightId);
    const app = createApp({ db, log: () => {}, rateLimit: false });
    const pushed = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: 'c', mutations: [p, h] }),
    });
    expect(pushed.status).toBe(200);
    // The highlight's quote and the practice's title as a server before the fix stored them, not yet indexed.
    await db.$client.batch([
      `UPDATE library_objects SET data = json_set(data, '$.quote.exact', json('"twelve\\ud800"')) WHERE kind = 'highlight'`,
      `UPDATE library_objects SET data = json_set(data, '$.title', json('"Welcome\\udc00 desk"')) WHERE kind = 'practice'`,
      'DELETE FROM search_index_state',
    ]);
    db.$client.close();

    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        RATE_LIMIT_PER_SECOND: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let exited: number | null | undefined;
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => {
      exited = code;
    });
    onTestFinished(() => {
      if (exited === undefined) child.kill('SIGTERM');
    });
    const base = `http://127.0.0.1:${port}`;
    const search = async () => {
      const res = await fetch(`${base}/api/library/search?q=twelve`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      return { status: res.status, body: await res.json() };
    };
    let answer: { status: number; body: { items: { title: string }[] } } | undefined;
    for (let i = 0; i < 200 && exited === undefined && !answer; i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await search().catch(() => undefined);
    }
    expect(exited, output).toBeUndefined();
    expect(answer?.status, output).toBe(200);
    expect(answer?.body.items.map((i) => i.title)).toEqual(['Welcome\ufffd desk']);
    // Still alive after its background catch-up and a second search.
    await new Promise((r) => setTimeout(r, 300));
    expect((await search()).status).toBe(200);
    expect(exited, output).toBeUndefined();
  }, 60_000);
});
