// A realistic library, over a libSQL server's answer limit (issue 15 item 4): sqld refuses any answer over
// 10 MB with RESPONSE_TOO_LARGE, and 600 practices of 20 KB page texts are 12 MB. Every read the server
// makes of many rows with big columns is bounded by bytes (server/db/bounded-reads.ts), so pulls of 1,000,
// the search-index catch-up, aggregates, the report, every export and the dashboard's pages all answer 200;
// a version larger than a page still arrives whole, and a read the server refuses is retried smaller.
import { describe, expect, it } from 'vitest';
import {
  isResponseTooLarge,
  readBudgetBytes,
  readInSlices,
  withShrinkingBudget,
} from '../../../server/db/bounded-reads.ts';
import { libraryObjects } from '../../../server/db/schema/index.ts';
import { catchUpAllSearchIndexes, catchUpSearchIndex } from '../../../server/library/search-index.ts';
import { pullResponseSchema } from '../../../shared/api/sync.ts';
import { indexAreaIds } from '../../../shared/taxonomy/index.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, createStakeholder } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';
import { page, signIn } from '../web-helpers.ts';

const practices = 600;
const textBytes = 20_000;

/** A page text of about `bytes` UTF-8 bytes, French prose with accents, naming its practice once. */
function pageText(n: number, bytes: number): string {
  const line = `La médiathèque accueille les nouveaux arrivants ; ateliers de français, permanences d’accès aux droits. `;
  const lineBytes = Buffer.byteLength(line);
  return `# Pratique ${n}\n\nmotclef${n}\n\n${line.repeat(Math.ceil(bytes / lineBytes))}`;
}

const push = async (w: World, mutations: unknown[]) => {
  const answer = await w.call('POST', '/api/sync/push', {
    token: w.a.contributor.token,
    json: { clientId: 'seed', mutations },
  });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
  return answer.body as { version: number };
};

/** Seeds `count` practices of `bytes` page text in pushes of 50 (the app's own write path), linking `linked`. */
async function seed(w: World, count: number, bytes: number, linked: string[] = []): Promise<string[]> {
  const ids: string[] = [];
  for (let at = 0; at < count; at += 50) {
    const batch = Array.from({ length: Math.min(50, count - at) }, (_, i) => {
      const n = at + i;
      return createPractice(
        undefined,
        {
          title: `Practice ${n}`,
          url: `https://example.org/practice/${n}`,
          contentMarkdown: pageText(n, bytes),
          clippedAt: `2025-0${1 + (n % 2)}-1${n % 10}T08:00:00.000Z`,
        },
        { areas: [indexAreaIds[n % indexAreaIds.length]!], stakeholderIds: linked },
      );
    });
    await push(w, batch);
    ids.push(...batch.map((m) => m.objectId));
  }
  return ids;
}

/** Walks the pull from `since` page by page; every page's answer, parsed. */
async function pullAll(w: World, query: string, since = 0) {
  const pages: { changes: number; hasMore: boolean; bytes: number }[] = [];
  const seen: string[] = [];
  const texts = new Map<string, number>();
  for (let guard = 0; guard < 100; guard++) {
    const answer = await w.call('GET', `/api/sync/pull?since=${since}&${query}`, {
      token: w.a.viewer.token,
    });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    const body = pullResponseSchema.parse(answer.body);
    pages.push({
      changes: body.changes.length,
      hasMore: body.hasMore,
      bytes: Buffer.byteLength(JSON.stringify(answer.body)),
    });
    for (const c of body.changes) {
      seen.push(c.id);
      if (!c.deleted && c.kind === 'practice' && 'contentMarkdown' in c.object)
        texts.set(c.id, String(c.object.contentMarkdown).length);
    }
    if (!body.hasMore) return { pages, seen, texts };
    since = body.version;
  }
  throw new Error('the pull never ended');
}

export function largeLibraryScenarios(backend: Backend) {
  describe(`a library over a libSQL server's answer limit, on ${backend.name}`, () => {
    it('is pulled, searched, counted, reported, exported and shown in full: every answer 200', async () => {
      const w = await makeWorld(backend, { maxBodyBytes: 16 * 1024 * 1024 });
      // Every practice links one contact: its erasure changes them all in one version.
      const stakeholder = createStakeholder();
      await push(w, [stakeholder]);
      const ids = await seed(w, practices, textBytes, [stakeholder.objectId]);

      // A full pull with the largest page: every object exactly once, in pages bounded by bytes (so fewer
      // than 1,000 changes with more to come), each answer well under the server's 10 MB.
      const full = await pullAll(w, 'limit=1000');
      expect(full.seen).toHaveLength(practices + 1);
      expect(new Set(full.seen)).toEqual(new Set([...ids, stakeholder.objectId]));
      expect(full.pages.length).toBeGreaterThan(1);
      expect(full.pages[0]!.hasMore).toBe(true);
      expect(full.pages[0]!.changes).toBeLessThan(1000);
      for (const p of full.pages) expect(p.bytes).toBeLessThan(readBudgetBytes + 2 * textBytes + 200_000);
      expect([...full.texts.values()].every((n) => n > textBytes * 0.9)).toBe(true);

      // Metadata first: the byte bound counts what is sent, so without the texts one page holds them all.
      const meta = await pullAll(w, 'limit=1000&omit=contentMarkdown');
      expect(meta.pages).toHaveLength(1);
      expect(meta.seen).toHaveLength(practices + 1);
      // Then the texts' backfill walks the range again (`until`): every text arrives.
      const libraryVersion = (await push(w, [createStakeholder()])).version;
      const backfill = await pullAll(w, `limit=1000&until=${libraryVersion - 1}`);
      expect(backfill.texts.size).toBe(practices);

      // Search: the index caught up over every practice's text.
      const search = await w.call('GET', `/api/library/search?q=motclef${practices - 1}`, {
        token: w.a.viewer.token,
      });
      expect(search.status).toBe(200);
      expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([ids[practices - 1]]);

      const aggregates = await w.call('GET', '/api/library/aggregates', { token: w.a.viewer.token });
      expect(aggregates.status).toBe(200);
      expect(aggregates.body.total).toBe(practices);
      expect((await w.call('GET', '/api/library/coverage', { token: w.a.viewer.token })).status).toBe(200);
      for (const format of ['json', 'markdown']) {
        const report = await w.call(
          'GET',
          `/api/reports/period?from=2025-01-01&to=2025-12-31&format=${format}`,
          {
            token: w.a.viewer.token,
          },
        );
        expect(report.status, format).toBe(200);
      }

      for (const format of ['csv', 'markdown']) {
        const file = await w.call('GET', `/api/exports/practices?format=${format}`, {
          token: w.a.viewer.token,
        });
        expect(file.status, format).toBe(200);
        expect(String(file.body)).toContain(`Practice ${practices - 1}`);
      }
      const json = await w.call('GET', '/api/exports/practices?format=json', { token: w.a.viewer.token });
      expect(json.status).toBe(200);
      expect(json.body.practices).toHaveLength(practices);
      expect(
        json.body.practices.every(
          (p: { contentMarkdown: string }) => p.contentMarkdown.length > textBytes * 0.9,
        ),
      ).toBe(true);
      const contacts = await w.call('GET', '/api/exports/contacts?format=vcard', {
        token: w.a.coordinator.token,
      });
      expect(contacts.status).toBe(200);

      const cookie = await signIn(w, w.a.coordinator.token);
      for (const path of [
        '/web',
        `/web?q=motclef1`,
        '/web/coverage',
        '/web/activity?from=2025-01-01&to=2025-12-31',
        '/web/report?from=2025-01-01&to=2025-12-31',
        `/web/practices/${ids[0]}`,
      ]) {
        const answer = await page(w, path, cookie);
        expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(200);
      }

      // The contact's pages read every practice that links it: its search, review, access export, erasure.
      for (const path of [
        '/api/stakeholders/search',
        '/api/stakeholders/review',
        `/api/stakeholders/${stakeholder.objectId}/export`,
      ]) {
        const answer = await w.call('GET', path, { token: w.a.coordinator.token });
        expect(answer.status, `${path}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(200);
      }
      const before = (await push(w, [createStakeholder()])).version;
      const erased = await w.call('POST', `/api/stakeholders/${stakeholder.objectId}/erase`, {
        token: w.a.coordinator.token,
      });
      expect(erased.status, JSON.stringify(erased.body).slice(0, 300)).toBe(200);
      // The erasure's version (600 practices unlinked, 12 MB) is pulled whole.
      const unlinked = await w.call('GET', `/api/sync/pull?since=${before}&limit=1000`, {
        token: w.a.viewer.token,
      });
      expect(unlinked.status, JSON.stringify(unlinked.body).slice(0, 300)).toBe(200);
      expect(pullResponseSchema.parse(unlinked.body).changes).toHaveLength(practices + 1);
    }, 180_000);

    it('sends a version larger than the limit whole, in one page, read in slices', async () => {
      const w = await makeWorld(backend, { maxBodyBytes: 16 * 1024 * 1024 });
      // One push of 50 practices of 220 KB: one version of 11 MB, over sqld's 10 MB on its own.
      const before = (await push(w, [createStakeholder()])).version;
      const ids = await seed(w, 50, 220_000);
      const answer = await w.call('GET', `/api/sync/pull?since=${before}&limit=1000`, {
        token: w.a.viewer.token,
      });
      expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
      const body = pullResponseSchema.parse(answer.body);
      expect(new Set(body.changes.map((c) => c.id))).toEqual(new Set(ids));
      // As for a version of more rows than the limit (shared/sync/pull.ts): the next pull finds it up to date.
      expect(body.hasMore).toBe(true);
      expect(body.version).toBe(before + 1);
      // The same version behind a smaller one: the first page stops before it, the next holds it whole.
      const walk = await pullAll(w, 'limit=1000');
      expect(walk.pages.map((p) => p.changes)).toEqual([1, 50, 0]);
      const search = await w.call('GET', '/api/library/search?q=motclef49', { token: w.a.viewer.token });
      expect(search.status).toBe(200);
      expect(search.body.items).toHaveLength(1);
    }, 120_000);

    it('reads again in smaller slices when the server refuses an answer as too large; the catch-up at start ends', async () => {
      const w = await makeWorld(backend, { maxBodyBytes: 16 * 1024 * 1024 });
      await seed(w, 550, textBytes);
      const client = w.db.$client;
      const all = await client.execute({
        sql: `SELECT id FROM library_objects WHERE city_id = ? AND kind = 'practice'`,
        args: [w.a.city.id],
      });
      const ids = all.rows.map((r) => String(r.id));
      // Sizes unknown (0): one slice of 500 ids, 10 MB of texts, which sqld refuses; the halves pass.
      const calls: number[] = [];
      const read = async (slice: string[]) => {
        calls.push(slice.length);
        const r = await client.execute({
          sql: `SELECT id, data FROM library_objects WHERE city_id = ? AND id IN (${slice.map(() => '?').join(', ')})`,
          args: [w.a.city.id, ...slice],
        });
        return r.rows.map((row) => String(row.id));
      };
      const got = await readInSlices(ids, () => 0, read);
      expect(got.sort()).toEqual([...ids].sort());
      // The search-index catch-up reads inside write transactions, which a libSQL server closes when it refuses
      // an answer: given a budget over the server's limit, it runs the refused step again with a smaller one.
      await catchUpSearchIndex(w.db, w.a.city.id, { budget: 64 * 1024 * 1024 });
      const search = await w.call('GET', '/api/library/search?q=motclef549', { token: w.a.viewer.token });
      expect(search.status).toBe(200);
      expect(search.body.items).toHaveLength(1);
      // The catch-up of every city that the server starts at each start ends without an error (it ran
      // PRAGMA optimize, which sqld refuses: "Search index: catching up failed" at every start).
      await push(w, [createStakeholder()]);
      await expect(catchUpAllSearchIndexes(w.db)).resolves.toMatchObject({ cities: 2 });
      // A read that measures in its own statement shrinks its budget until the answer passes.
      const budgets: number[] = [];
      const rows = await withShrinkingBudget(
        async (budget) => {
          budgets.push(budget);
          const r = await client.execute({
            sql: `SELECT data FROM library_objects WHERE city_id = ? AND kind = 'practice' LIMIT ?`,
            args: [w.a.city.id, Math.max(1, Math.floor(budget / textBytes))],
          });
          return r.rows.length;
        },
        { budget: 64 * 1024 * 1024 },
      );
      expect(rows).toBeGreaterThan(0);
      if (backend.name === 'sqld') {
        // What sqld answers, as @libsql/client throws it: code RESPONSE_TOO_LARGE.
        const refused = await client
          .execute({ sql: 'SELECT data FROM library_objects WHERE city_id = ?', args: [w.a.city.id] })
          .then(
            () => null,
            (error: unknown) => error,
          );
        expect(isResponseTooLarge(refused)).toBe(true);
        // Through drizzle (liveRows, practicesLinking) it comes wrapped: a DrizzleQueryError whose `cause` it is.
        const wrapped = await w.db
          .select()
          .from(libraryObjects)
          .then(
            () => null,
            (error: unknown) => error,
          );
        expect(wrapped).not.toBeNull();
        expect(isResponseTooLarge(wrapped)).toBe(true);
        expect(calls[0]).toBe(500);
        expect(calls.length).toBeGreaterThan(2);
        expect(budgets.length).toBeGreaterThan(1);
      } else {
        expect(calls).toEqual([500, 50]);
        expect(budgets).toHaveLength(1);
      }
    }, 120_000);
  });
}
