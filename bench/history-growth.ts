// Growth on disk (issue 15, item 9): 60 rounds of 1,000 realistic practices created and deleted through the
// API, then the database file's size and a first sync's bytes (every page of a pull from 0) before pruning
// (the baseline, same run) and after pruning the history past its horizon (server/sync/prune-history.ts);
// beside it, one practice whose tags were added and removed 500 times (2,000 with --tag-rounds 2000, the
// issue's figure, takes minutes more): its `meta` and the time of an edit of it, before and after its
// removals are forgotten. The file starts as one made before auto_vacuum was set
// (so the one-time VACUUM that switches it, server/db/auto-vacuum.ts, is measured too).
// `--rounds N --practices N --tag-rounds N` scale it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { createApp } from '../server/app.ts';
import { convertToIncrementalVacuum } from '../server/db/auto-vacuum.ts';
import { openDb } from '../server/db/client.ts';
import { applyMigrations } from '../server/db/migrate.ts';
import { horizonMsOf, pruneHistory } from '../server/sync/prune-history.ts';
import { uuidv7 } from '../shared/ids.ts';
import { formatHlc } from '../shared/sync/hlc.ts';
import { intFlag } from './flags.ts';
import type { Bench, BenchReport, Cell } from './report.ts';
import { median } from './statistics.ts';
import { creationMutation, noteEdit } from './sync/practices.ts';
import { cityWithMember } from './sync/tenancy.ts';

const name = 'history-growth';
const description =
  'file size and first-sync bytes after 60 create-delete rounds of 1,000 practices, before/after pruning';
const dayMs = 24 * 60 * 60 * 1000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function run(args: string[]): Promise<BenchReport> {
  const rounds = intFlag(args, 'rounds', 60, 1);
  const perRound = intFlag(args, 'practices', 1000, 50);
  // 500 by default: each round rewrites a meta that grows with every removal, so 2,000 (the figure,
  // `--tag-rounds 2000`) took 7 of this bench's 10 minutes.
  const tagRounds = intFlag(args, 'tag-rounds', 500, 10);
  const dir = mkdtempSync(join(tmpdir(), 'icc-bench-history-'));
  const file = join(dir, 'library.db');
  // A file as an earlier version of the server made it: a table already there, so openDb leaves its
  // auto_vacuum as it is (NONE).
  const old = createClient({ url: `file:${file}` });
  await old.execute('PRAGMA journal_mode=WAL');
  await old.execute('create table bench_made_before_upgrade (x)');
  old.close();
  const db = await openDb({ url: `file:${file}` });
  try {
    await applyMigrations(db);
    const started = Date.parse('2025-01-01T09:00:00.000Z');
    const clock = { now: started };
    const app = createApp({ db, clock: () => clock.now, rateLimit: false, log: () => {}, history: false });
    const member = await cityWithMember(db, 'Lisboa');
    const push = async (mutations: unknown[], clientId = 'bench') => {
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, mutations }),
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { version: number };
    };

    // 1. The rounds: each creates `perRound` practices (pushes of 50) and deletes them.
    const roundsStarted = performance.now();
    let n = 0;
    for (let r = 0; r < rounds; r++) {
      for (let at = 0; at < perRound; at += 50) {
        const batch = Array.from({ length: Math.min(50, perRound - at) }, () => {
          n++;
          return creationMutation(n, started + n);
        });
        const { version } = await push(batch);
        await push(
          batch.map((m, i) => ({
            id: uuidv7(started + n + i),
            kind: 'practice',
            objectId: m.objectId,
            baseVersion: version,
            hlc: formatHlc({ ms: started + n, counter: i + 1 }),
            op: 'delete',
          })),
        );
      }
    }
    const roundsMs = performance.now() - roundsStarted;
    // A few practices stay: a library is not empty.
    const live = Array.from({ length: 50 }, () => {
      n++;
      return creationMutation(n, started + n);
    });
    let version = (await push(live)).version;

    // 2. One practice whose tags are added and removed `tagRounds` times.
    const tagged = live[0]!.objectId;
    const tagStarted = performance.now();
    for (let i = 0; i < tagRounds; i++) {
      const tag = `tag-${i}`;
      const at = started + n + i * 2;
      version = (
        await push([{ ...noteEdit(tagged, version, '', at), fields: undefined, add: { tags: [tag] } }])
      ).version;
      version = (
        await push([{ ...noteEdit(tagged, version, '', at + 1), fields: undefined, remove: { tags: [tag] } }])
      ).version;
    }
    const tagMs = performance.now() - tagStarted;
    let editAt = started + n + tagRounds * 2 + 10;
    const timeEdits = async (times: number) => {
      const ms: number[] = [];
      for (let i = 0; i < times; i++) {
        const t = performance.now();
        version = (await push([noteEdit(tagged, version, `note ${editAt}`, editAt++)])).version;
        ms.push(performance.now() - t);
      }
      return ms;
    };

    const measure = async () => {
      await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      const one = async (sql: string) => Number((await db.$client.execute(sql)).rows[0]![0]);
      let since = 0;
      let bytes = 0;
      let changes = 0;
      let pages = 0;
      for (;;) {
        const res = await app.request(`/api/sync/pull?since=${since}&limit=1000`, {
          headers: { authorization: `Bearer ${member.token}` },
        });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${text}`);
        bytes += Buffer.byteLength(text);
        pages++;
        const page = JSON.parse(text) as { version: number; changes: unknown[]; hasMore: boolean };
        changes += page.changes.length;
        since = page.version;
        if (!page.hasMore) break;
      }
      const [meta] = (
        await db.$client.execute({
          sql: 'select length(meta) from library_objects where id = ?',
          args: [tagged],
        })
      ).rows;
      return {
        fileBytes: statSync(file).size,
        freePages: await one('PRAGMA freelist_count'),
        pageCount: await one('PRAGMA page_count'),
        firstSyncBytes: bytes,
        firstSyncChanges: changes,
        firstSyncPages: pages,
        tombstones: await one('select count(*) from library_objects where deleted_at is not null'),
        processed: await one('select count(*) from processed_mutations'),
        processedBytes: await one(
          "select coalesce(sum(pgsize), 0) from dbstat where name in ('processed_mutations', 'sqlite_autoindex_processed_mutations_1')",
        ).catch(() => -1),
        taggedMetaBytes: Number(meta![0]),
        // What the issue read as "86 % of library_objects pages unused": space inside its pages holding nothing.
        objectsUnused: await one(
          "select round(100.0 * sum(unused) / sum(pgsize)) from dbstat where name = 'library_objects'",
        ).catch(() => -1),
      };
    };
    const editsBefore = await timeEdits(20);
    const before = await measure();

    // 3. A month and a day later: the switch to auto_vacuum=INCREMENTAL (once), then pruning to the end.
    const vacuumMs = (await convertToIncrementalVacuum(db)) ?? 0;
    const afterVacuumOnly = statSync(file).size;
    clock.now += 31 * dayMs;
    const pruneStarted = performance.now();
    let runs = 0;
    for (;;) {
      runs++;
      const report = await pruneHistory(db, { nowMs: clock.now, horizonMs: horizonMsOf(30) });
      if (!report.more) break;
    }
    const pruneMs = performance.now() - pruneStarted;
    // The tagged practice forgets its removals at its next edit (past-horizon.ts), then edits are timed.
    await timeEdits(1);
    const editsAfter = await timeEdits(20);
    await pruneHistory(db, { nowMs: clock.now, horizonMs: horizonMsOf(30) }); // the pages that edit freed
    const after = await measure();

    const rows: Cell[][] = [
      ['database file (MB)', mb(before.fileBytes), mb(after.fileBytes)],
      ['free pages in the file', before.freePages, after.freePages],
      ['first sync: bytes of a full pull from 0 (MB)', mb(before.firstSyncBytes), mb(after.firstSyncBytes)],
      [
        'first sync: changes / pages of 1,000',
        `${before.firstSyncChanges} / ${before.firstSyncPages}`,
        `${after.firstSyncChanges} / ${after.firstSyncPages}`,
      ],
      ['unused space inside library_objects pages (%)', before.objectsUnused, after.objectsUnused],
      ['tombstones', before.tombstones, after.tombstones],
      ['processed mutation ids', before.processed, after.processed],
      [
        'processed_mutations on disk (MB, dbstat)',
        before.processedBytes < 0 ? null : mb(before.processedBytes),
        after.processedBytes < 0 ? null : mb(after.processedBytes),
      ],
      [
        `meta of the practice tagged and untagged ${tagRounds}× (KB)`,
        Math.round(before.taggedMetaBytes / 1024),
        Math.round(after.taggedMetaBytes / 1024),
      ],
      ['an edit of that practice, median of 20 (ms)', median(editsBefore), median(editsAfter)],
    ];
    return {
      name,
      description,
      figures: [
        {
          label: `database file after ${rounds} rounds of ${perRound} practices created and deleted, pruned`,
          value: mb(after.fileBytes),
          unit: 'MB',
          baseline: { label: 'before pruning', value: mb(before.fileBytes) },
        },
        {
          label: 'first sync (bytes of a full pull from 0), pruned',
          value: mb(after.firstSyncBytes),
          unit: 'MB',
          baseline: { label: 'before pruning', value: mb(before.firstSyncBytes) },
        },
        {
          label: `an edit of a practice tagged and untagged ${tagRounds}×, after its removals are forgotten`,
          value: median(editsAfter),
          unit: 'ms',
          baseline: { label: 'before', value: median(editsBefore) },
        },
      ],
      tables: [
        {
          title: 'before pruning (baseline) and after, same run',
          columns: ['what', 'before', 'after'],
          rows,
        },
      ],
      notes: [
        `${rounds} rounds of ${perRound} practices (~3 KB of Markdown each, bench/sync/practices.ts) created in pushes of 50 and deleted in pushes of 50 through the app (app.request), in ${(roundsMs / 1000).toFixed(1)} s; then 50 live practices; then one practice's tags added and removed ${tagRounds} times (${(tagMs / 1000).toFixed(1)} s).`,
        `The file started without auto_vacuum (as a file made before this change): switching it (one VACUUM of a ${mb(before.fileBytes)} MB file) took ${vacuumMs} ms and left ${mb(afterVacuumOnly)} MB before any pruning (the VACUUM alone drops the free pages; the tombstones and processed ids stay).`,
        `Pruning with a 30-day horizon, 31 days later: ${runs} bounded runs (5,000 processed ids and 5,000 tombstones each), ${(pruneMs / 1000).toFixed(1)} s in all, incremental vacuum included.`,
        'The embedded file only: a libSQL server refuses VACUUM and both pragmas, so there the freed pages are reused by later writes and the file does not shrink (server/README.md).',
      ],
      data: {
        rounds,
        perRound,
        tagRounds,
        before,
        after,
        editsBefore,
        editsAfter,
        vacuumMs,
        pruneMs,
        roundsMs,
      },
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const historyGrowth: Bench = { name, description, run };
