// The sync history past its horizon on the embedded file (the scenarios also run on sqld), and what only a
// file does: freed pages given back, and the operator's `prune` command.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands.ts';
import { createApp } from '../../server/app.ts';
import { horizonMsOf, pruneHistory } from '../../server/sync/prune-history.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import { historyPruningScenarios } from './scenarios/history-pruning.ts';
import { fileBackend } from './support/backend.ts';
import { freshFileDb } from './support/fresh-db.ts';
import { createPractice, deleteObject, editPractice } from './support/mutations.ts';

historyPruningScenarios(fileBackend);

const dayMs = 24 * 60 * 60 * 1000;

async function library() {
  const temp = await freshFileDb();
  const now = Date.parse('2025-03-01T09:00:00.000Z');
  const clock = { now };
  const app = createApp({
    db: temp.db,
    clock: () => clock.now,
    rateLimit: false,
    log: () => {},
    history: false,
  });
  const city = await createCity(temp.db, { name: 'Lyon', country: 'FR', lang: 'fr' }, now);
  const member = await addMember(temp.db, city.id, { name: 'Ana', role: 'contributor' }, now);
  const { secret } = await issueToken(temp.db, { cityId: city.id, memberId: member.id }, now);
  const push = async (mutations: unknown[]) => {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'c1', mutations }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { version: number };
  };
  return { ...temp, clock, push, file: join(temp.dir, 'test.db') };
}

describe('history pruning on the embedded file', () => {
  it('a new file gives freed pages back: after pruning, the file is smaller', async () => {
    const w = await library();
    const [mode] = await w.db.all<{ auto_vacuum: number }>(sql`PRAGMA auto_vacuum`);
    expect(Number(mode!.auto_vacuum)).toBe(2);
    const text = 'Lorem ipsum dolor sit amet. '.repeat(700); // ~20 KB a practice
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      const batch = Array.from({ length: 25 }, () => createPractice(undefined, { contentMarkdown: text }));
      const { version } = await w.push(batch);
      ids.push(...batch.map((m) => m.objectId));
      await w.push(batch.map((m) => deleteObject('practice', m.objectId, version)));
    }
    await w.db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    const before = statSync(w.file).size;
    w.clock.now += 31 * dayMs;
    const report = await pruneHistory(w.db, { nowMs: w.clock.now, horizonMs: horizonMsOf(30) });
    expect(report.tombstones).toBe(100);
    expect(report.pagesFreed).toBeGreaterThan(0);
    const after = statSync(w.file).size;
    expect(after).toBeLessThan(before);
    const [free] = await w.db.all<{ freelist_count: number }>(sql`PRAGMA freelist_count`);
    expect(Number(free!.freelist_count)).toBe(0);
  });

  it('npm run admin -- prune prunes to the end and forgets every object’s old removals', async () => {
    const w = await library();
    const p = createPractice(undefined, {}, { tags: ['kept'] });
    await w.push([p]); // v1
    await w.push([editPractice(p.objectId, 1, { add: { tags: ['gone'] } })]); // v2
    await w.push([editPractice(p.objectId, 2, { remove: { tags: ['gone'] } })]); // v3
    const q = createPractice();
    await w.push([q]); // v4
    await w.push([deleteObject('practice', q.objectId, 4)]); // v5
    const lines: string[] = [];
    await runAdmin(['prune', '--horizon-days', '30'], {
      db: w.db,
      out: (line) => lines.push(line),
      now: w.clock.now + 31 * dayMs,
      server: 'http://localhost',
    });
    expect(lines.at(-1)).toMatch(
      /5 processed mutation ids, 1 tombstones, removed elements of 1 objects; prune point moved in 1 cities/,
    );
    const [row] = await w.db.all<{ meta: string }>(
      sql`select meta from library_objects where id = ${p.objectId}`,
    );
    expect(JSON.parse(row!.meta).sets.tags.map((e: { key: string }) => e.key)).toEqual(['kept']);
    const [{ n } = { n: 0 }] = await w.db.all<{ n: number }>(sql`select count(*) as n from library_objects`);
    expect(Number(n)).toBe(1);
  });
});
