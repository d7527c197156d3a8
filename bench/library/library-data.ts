// A big city library for the dashboard benches (search, aggregates): practices built from the real pages of
// Mozilla Readability's test fixtures (../shared/fixtures/readability: 65 pages in a dozen languages) — each
// practice takes a page's title, excerpt, site, byline and language, and a run of ~200 consecutive words of
// the page's text as its content, so the vocabulary and word frequencies are those of real pages. Spread over
// three years, six contributors, one to three Index areas, a fifth shared with the network. Without the
// fixtures, the sync benches' synthetic practices (bench/sync/practices.ts) stand in.
//
// Rows go through the server's merge and row mapping (applyMutation, rowFromState) and are inserted with
// multi-row statements, as bench/sync/seed-library.ts does. The built database is kept in the temp folder and
// reused by later runs (and by the other dashboard bench) with the same size and generator version.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InValue } from '@libsql/client';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { cities } from '../../server/db/schema/index.ts';
import { openDatabaseFromEnv } from '../../server/node-database.ts';
import { rowFromState } from '../../server/sync/object-rows.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { applyMutation } from '../../shared/sync/merge.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';
import { fromRoot } from '../repo-paths.ts';
import { practiceContent, seededRandom } from '../sync/practices.ts';

/** Bump when the generated data changes, so cached libraries are rebuilt. */
const generatorVersion = 2;
const rowsPerStatement = 400;
const rowsPerTransaction = 5_000;
const objectsPerVersion = 50;

export interface PageText {
  title: string;
  excerpt: string;
  siteName: string | null;
  byline: string | null;
  lang: string | null;
  words: string[];
}

export const defaultFixtures = () => fromRoot('..', 'shared', 'fixtures', 'readability');

/** The fixture pages' metadata and text (tags, scripts and styles stripped); [] when there are none. */
export function loadPages(dir: string): PageText[] {
  if (!existsSync(dir)) return [];
  const pages: PageText[] = [];
  for (const name of readdirSync(dir).sort()) {
    const metaFile = join(dir, name, 'expected-metadata.json');
    const sourceFile = join(dir, name, 'source.html');
    if (!existsSync(metaFile) || !existsSync(sourceFile)) continue;
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, string | null>;
    const words = htmlWords(readFileSync(sourceFile, 'utf8'));
    if (!meta.title || words.length < 50) continue;
    pages.push({
      title: meta.title,
      excerpt: meta.excerpt ?? '',
      siteName: meta.siteName ?? null,
      byline: meta.byline ?? null,
      lang: meta.lang ?? null,
      words,
    });
  }
  return pages;
}

function htmlWords(html: string): string[] {
  const text = html
    .replace(/<(script|style|noscript|svg)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&[a-z]+;/gi, ' ');
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w) && w.length < 40);
}

const tagPool = [
  'anti-rumours',
  'youth',
  'mediation',
  'languages',
  'housing',
  'jobs',
  'schools',
  'sport',
  'café',
  'écoles',
];
const langs = ['en', 'fr', 'it', 'es', 'de', 'pt'];
const spanStart = Date.parse('2023-01-01T00:00:00.000Z');
const spanMs = 3 * 365 * 86_400_000;

/** The fields and sets of practice number `n` (also the offline-search bench's practices). */
export function practiceFields(n: number, pages: readonly PageText[]) {
  const random = seededRandom(n + 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const areas = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(indexAreaIds)))];
  const tags = [...new Set([pick(tagPool), pick(tagPool)])].slice(0, 1 + Math.floor(random() * 2));
  const clippedAt = new Date(spanStart + Math.floor(random() * spanMs)).toISOString();
  const visibility = random() < 0.2 ? 'network' : 'city';
  const url = `https://city.example/practices/${n}`;
  if (pages.length === 0) {
    const synthetic = practiceContent(n % 1000);
    return {
      fields: {
        ...synthetic.fields,
        url,
        canonicalUrl: url,
        title: `${synthetic.fields.title} #${n}`,
        clippedAt,
        visibility,
        lang: pick(langs),
      },
      sets: { areas, tags },
    };
  }
  const page = pick(pages);
  const run = 150 + Math.floor(random() * 100);
  const at = Math.floor(random() * Math.max(1, page.words.length - run));
  const content = page.words.slice(at, at + run);
  const other = pick(pages).words;
  const note = Array.from({ length: 8 }, () => pick(other)).join(' ');
  return {
    fields: {
      url,
      canonicalUrl: url,
      title: `${page.title} — ${content.slice(0, 3).join(' ')} #${n}`,
      excerpt: page.excerpt || content.slice(0, 30).join(' '),
      siteName: page.siteName,
      byline: page.byline,
      publishedTime: null,
      lang: page.lang ?? pick(langs),
      dir: 'ltr',
      image: null,
      contentMarkdown: `# ${page.title}\n\n${content.join(' ')}`,
      extraction: 'full',
      note,
      visibility,
      clippedAt,
    } as Record<string, unknown>,
    sets: { areas, tags },
  };
}

const objectColumns =
  'city_id, id, kind, version, parent_id, created_at, created_by, updated_at, updated_by, deleted_at, data, meta';

async function seed(
  db: Db,
  cityId: string,
  memberIds: readonly string[],
  count: number,
  pages: readonly PageText[],
) {
  const start = Date.parse('2025-06-01T10:00:00.000Z');
  let version = 0;
  for (let done = 0; done < count; done += rowsPerTransaction) {
    const rows: InValue[][] = [];
    for (let n = done; n < Math.min(count, done + rowsPerTransaction); n++) {
      const objectVersion = 1 + Math.floor(n / objectsPerVersion);
      version = objectVersion;
      const { fields, sets } = practiceFields(n, pages);
      const ms = start + n;
      const mutation = {
        id: uuidv7(ms),
        clientId: 'bench-seed',
        kind: 'practice' as const,
        objectId: uuidv7(ms),
        baseVersion: 0,
        hlc: formatHlc({ ms, counter: n % 10_000 }),
        op: 'put' as const,
        createdAt: fields.clippedAt as string,
        fields,
        add: sets,
      };
      const { state } = applyMutation(
        null,
        mutation as never,
        memberIds[n % memberIds.length]!,
        objectVersion,
      );
      const r = rowFromState(cityId, state!);
      rows.push([
        r.cityId,
        r.id,
        r.kind,
        r.version,
        r.parentId,
        r.createdAt,
        r.createdBy,
        r.updatedAt,
        r.updatedBy,
        r.deletedAt,
        JSON.stringify(r.data),
        JSON.stringify(r.meta),
      ]);
    }
    const tx = await db.$client.transaction('write');
    try {
      for (let at = 0; at < rows.length; at += rowsPerStatement) {
        const slice = rows.slice(at, at + rowsPerStatement);
        await tx.execute({
          sql: `INSERT INTO library_objects (${objectColumns}) VALUES ${slice.map(() => `(${Array(12).fill('?').join(', ')})`).join(', ')}`,
          args: slice.flat(),
        });
      }
      await tx.commit();
    } finally {
      tx.close();
    }
  }
  await db.update(cities).set({ libraryVersion: version }).where(eq(cities.id, cityId));
  return version;
}

export interface BenchLibrary {
  dir: string;
  db: Db;
  cityId: string;
  memberIds: string[];
  token: string;
  practices: number;
  source: 'fixtures' | 'synthetic';
  pages: PageText[];
  /** Set when this run built the library (null when a cached one was reused). */
  seedMs: number | null;
}

interface Marker {
  cityId: string;
  memberIds: string[];
  token: string;
}

/** Opens (building it first if needed) a library of `count` practices in a city of six contributors. */
export async function openBenchLibrary(count: number, fixtures = defaultFixtures()): Promise<BenchLibrary> {
  const pages = loadPages(fixtures);
  const source = pages.length ? 'fixtures' : 'synthetic';
  const dir = join(tmpdir(), `icc-bench-library-v${generatorVersion}-${source}-${count}`);
  const markerFile = join(dir, 'bench-library.json');
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    const { db } = await openDatabaseFromEnv({ DATA_DIR: dir });
    return { dir, db, ...marker, practices: count, source, pages, seedMs: null };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { db } = await openDatabaseFromEnv({ DATA_DIR: dir });
  const now = Date.now();
  const city = await createCity(db, { name: 'Lisboa', country: 'PT', lang: 'pt', networkId: 'pt-rpci' }, now);
  const memberIds: string[] = [];
  for (const name of ['Ana', 'Bruno', 'Carla', 'Duarte', 'Eva', 'Filipe'])
    memberIds.push((await addMember(db, city.id, { name, role: 'contributor' }, now)).id);
  const { secret } = await issueToken(db, { cityId: city.id, memberId: memberIds[0]! }, now);
  const started = performance.now();
  await seed(db, city.id, memberIds, count, pages);
  const seedMs = performance.now() - started;
  const marker: Marker = { cityId: city.id, memberIds, token: secret };
  writeFileSync(markerFile, JSON.stringify(marker));
  return { dir, db, ...marker, practices: count, source, pages, seedMs };
}

/** Adds `count` more practices (numbered after `from`) as one push would: one new library version. */
export async function addPractices(lib: BenchLibrary, from: number, count: number): Promise<string[]> {
  const [city] = await lib.db
    .select({ v: cities.libraryVersion })
    .from(cities)
    .where(eq(cities.id, lib.cityId));
  const version = city!.v + 1;
  const rows: InValue[][] = [];
  const ids: string[] = [];
  for (let n = from; n < from + count; n++) {
    const { fields, sets } = practiceFields(n, lib.pages);
    const ms = Date.now() + n;
    const mutation = {
      id: uuidv7(ms),
      clientId: 'bench-add',
      kind: 'practice' as const,
      objectId: uuidv7(ms),
      baseVersion: 0,
      hlc: formatHlc({ ms, counter: 0 }),
      op: 'put' as const,
      fields,
      add: sets,
    };
    const { state } = applyMutation(null, mutation as never, lib.memberIds[0]!, version);
    const r = rowFromState(lib.cityId, state!);
    ids.push(r.id);
    rows.push([
      r.cityId,
      r.id,
      r.kind,
      r.version,
      r.parentId,
      r.createdAt,
      r.createdBy,
      r.updatedAt,
      r.updatedBy,
      r.deletedAt,
      JSON.stringify(r.data),
      JSON.stringify(r.meta),
    ]);
  }
  await lib.db.$client.execute({
    sql: `INSERT INTO library_objects (${objectColumns}) VALUES ${rows.map(() => `(${Array(12).fill('?').join(', ')})`).join(', ')}`,
    args: rows.flat(),
  });
  await lib.db.update(cities).set({ libraryVersion: version }).where(eq(cities.id, lib.cityId));
  return ids;
}

/** Deletes (as tombstones, one new library version) the practices addPractices added, so a cached library
 * keeps its size across runs. */
export async function removeAddedPractices(lib: BenchLibrary, ids: readonly string[]): Promise<void> {
  const [city] = await lib.db
    .select({ v: cities.libraryVersion })
    .from(cities)
    .where(eq(cities.id, lib.cityId));
  const version = city!.v + 1;
  await lib.db.$client.execute({
    sql: `UPDATE library_objects SET deleted_at = ?, data = '{}', version = ?
          WHERE city_id = ? AND id IN (${ids.map(() => '?').join(', ')})`,
    args: [new Date().toISOString(), version, lib.cityId, ...ids],
  });
  await lib.db.update(cities).set({ libraryVersion: version }).where(eq(cities.id, lib.cityId));
}
