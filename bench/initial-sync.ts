// A member connects a browser to a city library of 10,000 practices and syncs: the real extension in
// Chromium, connected through its options page with a connect code (as tests/browser/sync.test.ts does),
// against the real server in its own process. Timed from the click on "Sync now" in the side panel until the
// library is usable (the status says idle and the side panel lists and counts every practice: the extension
// syncs metadata first, shared/sync/README.md) and until every page text is stored too (the background
// backfill). Baseline, same run: the same whole pulls made from Node, reading each page and applying
// nothing — the floor set by the server and the wire for the whole library; beside it, for context, the
// metadata-first pulls from Node.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDatabaseFromEnv } from '../server/node-database.ts';
import { encodeConnectCode } from '../shared/api/connect.ts';
import { chromiumPath } from '../tests/browser/harness/chromium.ts';
import { type BenchBrowser, launchExtension } from './browser/launch.ts';
import { startProfile, startWorkerProfile } from './browser/profile.ts';
import { describeBuild, ensureBuild } from './ensure-build.ts';
import { hasFlag, intFlag } from './flags.ts';
import type { Bench, BenchReport } from './report.ts';
import { skippedReport } from './report.ts';
import { median } from './statistics.ts';
import { pullEverything, type RawPull } from './sync/library-client.ts';
import { seedPractices } from './sync/seed-library.ts';
import { type LoggedRequest, startServerProcess } from './sync/server-process.ts';
import { type BenchMember, cityWithMember } from './sync/tenancy.ts';

const name = 'initial-sync';
const description = 'first sync of 10,000 practices into the extension in Chromium, vs the raw HTTP pulls';
const goalMs = 2000;
const timeoutMs = 120_000;
const metadataOnly = '&omit=contentMarkdown';

async function connect(ext: BenchBrowser, member: BenchMember, origin: string): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.locator('input[name="connect"]').fill(encodeConnectCode(origin, member.token));
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await options.locator('[data-tone="ok"]', { hasText: `as ${member.name} (contributor)` }).waitFor();
  await options.close();
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(ext.url('sidepanel.html'));
  // Connecting starts a sync of the (still empty) library: wait until it is over.
  await panel.waitForFunction(
    `(() => { const s = document.querySelector('[data-testid="sync-status"]');
      return s && s.getAttribute('data-phase') === 'idle' && s.getAttribute('data-synced-at') !== ''; })()`,
    undefined,
    { timeout: 30_000 },
  );
  return panel;
}

interface BrowserSync {
  idleMs: number;
  shownMs: number;
  /** Until the backfill's range is gone from IndexedDB: every page text stored. */
  textsMs: number;
  /** Until no pull page is left in IndexedDB: every practice in the practices store (pulled-pages.ts). */
  spreadMs: number;
}

/**
 * Runs in the side panel: clicks "Sync now" and watches the page (10 ms polls, inside the page so that no
 * round trip to the bench is counted) until the status is idle after a sync that started after the click,
 * until the count line says `expected`, and then until the page-text backfill's range (meta
 * `contentBackfill`, written with the first page) is gone: every text stored. Its 25 ms polls read one
 * small record in the extension's IndexedDB.
 */
function syncNowExpression(expected: number, timeout: number): string {
  return `(async () => {
    const status = () => document.querySelector('[data-testid="sync-status"]');
    const before = status().getAttribute('data-synced-at');
    const button = Array.from(status().querySelectorAll('button')).find((b) => b.textContent.trim() === 'Sync now');
    if (!button) throw new Error('no "Sync now" button');
    const started = performance.now();
    button.click();
    let idleMs = null;
    let shownMs = null;
    let textsMs = null;
    let spreadMs = null;
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('icc-library');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const backfillLeft = () => new Promise((ok, fail) => {
      const r = db.transaction('meta').objectStore('meta').get('contentBackfill');
      r.onsuccess = () => ok(r.result !== undefined);
      r.onerror = () => fail(r.error);
    });
    const pagesLeft = () => new Promise((ok, fail) => {
      const r = db.transaction('pulledPages').objectStore('pulledPages').count();
      r.onsuccess = () => ok(r.result > 0);
      r.onerror = () => fail(r.error);
    });
    while (idleMs === null || shownMs === null) {
      const now = performance.now() - started;
      if (now > ${timeout}) throw new Error('sync not done after ${timeout / 1000} s');
      const s = status();
      if (idleMs === null && s.getAttribute('data-phase') === 'idle' && s.getAttribute('data-synced-at') !== before)
        idleMs = now;
      const count = document.querySelector('.count-line');
      if (shownMs === null && count && Number(count.textContent.replace(/\\D/g, '')) === ${expected}) shownMs = now;
      await new Promise((r) => setTimeout(r, 10));
    }
    // The range exists from the first page on (the pull is over once idle): its end is the backfill's.
    // --profile: the profiles cover the sync until it is usable.
    if (window.benchUsable) void window.benchUsable();
    // The pull pages are spread into the practices store half a second after the run, then the texts follow.
    while (textsMs === null || spreadMs === null) {
      const now = performance.now() - started;
      if (now > ${timeout}) throw new Error('texts not all stored after ${timeout / 1000} s');
      if (spreadMs === null && !(await pagesLeft())) spreadMs = performance.now() - started;
      if (textsMs === null && !(await backfillLeft())) textsMs = performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
    db.close();
    return { idleMs, shownMs, textsMs, spreadMs };
  })()`;
}

const countStoredExpression = `(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open('icc-library');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const get = (store, request) => new Promise((ok, fail) => {
    const r = request(db.transaction(store).objectStore(store));
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const practices = await get('practices', (s) => s.count());
  const texts = await get('practiceTexts', (s) => s.getAll());
  const cursor = await get('meta', (s) => s.get('cursor'));
  db.close();
  const withText = texts.filter((t) => typeof t.contentMarkdown === 'string' && t.contentMarkdown.length > 0).length;
  return { practices, withText, cursor };
})()`;

/** Pulls as the server saw them: server time, and the client's time between answers. */
function pullRows(label: string, pulls: LoggedRequest[], at: (t: number) => number): (string | number)[][] {
  if (pulls.length === 0) return [];
  const first = pulls[0]!;
  const last = pulls.at(-1)!;
  const serverMs = pulls.reduce((n, r) => n + (r.end - r.start), 0);
  const betweenMs = pulls.slice(1).reduce((n, r, i) => n + (r.start - pulls[i]!.end), 0);
  return [
    [`${pulls.length} ${label}: server answering`, at(first.start), at(last.end), serverMs],
    [
      `${pulls.length} ${label}: extension between answers (read, IndexedDB)`,
      at(first.start),
      at(last.end),
      betweenMs,
    ],
  ];
}

/** The sync as the server saw it: the metadata pulls, the other requests of the run, the text backfill. */
function requestTimeline(requests: LoggedRequest[], clickedAt: number): (string | number)[][] {
  const at = (t: number) => t - clickedAt;
  const isPull = (r: LoggedRequest) => r.path === '/api/sync/pull';
  const listing = requests.filter((r) => isPull(r) && !r.query.includes('until='));
  const texts = requests.filter((r) => isPull(r) && r.query.includes('until='));
  const rows: (string | number)[][] = [];
  if (listing.length === 0) return rows;
  rows.push(['click → first pull reaches the server', 0, at(listing[0]!.start), at(listing[0]!.start)]);
  const metadataOnly = listing.every((r) => r.query.includes('omit=contentMarkdown'));
  rows.push(...pullRows(metadataOnly ? 'pulls without texts' : 'pulls', listing, at));
  let previous = listing.at(-1)!.end;
  for (const r of requests.filter((r) => !isPull(r) && r.start >= previous)) {
    rows.push([`gap, then ${r.path}`, at(previous), at(r.end), r.end - previous]);
    previous = r.end;
  }
  rows.push(...pullRows('text backfill pulls (until=)', texts, at));
  return rows;
}

async function run(args: string[]): Promise<BenchReport> {
  if (!existsSync(chromiumPath)) {
    return skippedReport(
      { name, description },
      `no Chromium at ${chromiumPath}: install it or set CHROMIUM_PATH.`,
    );
  }
  const count = intFlag(args, 'practices', 10_000, 1);
  const build = ensureBuild('chrome-mv3-e2e', ['--mode', 'e2e'], hasFlag(args, 'rebuild'));
  const dir = mkdtempSync(join(tmpdir(), 'icc-bench-initial-'));
  const { db } = await openDatabaseFromEnv({ DATA_DIR: dir });
  const member = await cityWithMember(db, 'Lisbon');
  const server = await startServerProcess(dir, true);
  let ext: BenchBrowser | undefined;
  try {
    ext = await launchExtension(build.dir);
    const panel = await connect(ext, member, server.origin);

    // The library fills up on the server after the browser connected, so the click below starts the pull.
    const seedStarted = performance.now();
    const version = await seedPractices({ db, cityId: member.cityId, memberId: member.memberId }, count);
    const seedMs = performance.now() - seedStarted;

    // Untimed pulls from Node first (whole, and without texts as the browser's first pull asks), so that the
    // browser and the timed pulls all find the server warm.
    const warmUp = await pullEverything(server.origin, member.token);
    if (warmUp.changes !== count) throw new Error(`the server has ${warmUp.changes} practices, not ${count}`);
    await pullEverything(server.origin, member.token, 1000, 0, metadataOnly);

    await panel.bringToFront();
    // --profile: where the side panel's main thread spends the sync (a CPU profile, printed, not a figure).
    const profiler = hasFlag(args, 'profile') ? await startProfile(ext, panel) : null;
    const workerProfiler = hasFlag(args, 'profile') ? await startWorkerProfile(ext, panel) : null;
    let profiled = Promise.resolve();
    if (profiler && workerProfiler) {
      await panel.exposeFunction('benchUsable', () => {
        profiled = (async () => {
          await profiler.printTop(25);
          await workerProfiler.printTop(30);
        })();
      });
    }
    const clickedAt = Date.now();
    const synced = await panel.evaluate<BrowserSync>(syncNowExpression(count, timeoutMs));
    // What the member sees once it is done (untimed): to look at, next to the figures.
    mkdirSync('.tmp/screenshots', { recursive: true });
    await panel.screenshot({ path: '.tmp/screenshots/initial-sync-panel.png' });
    if (profiler && workerProfiler) await profiled;
    const timeline = requestTimeline(
      server.requests.filter((r) => r.start >= clickedAt),
      clickedAt,
    );
    // When the service worker itself finished (the status's lastSyncedAt, stamped at the end of its run):
    // the side panel's idle figure also waits for the panel's own main thread, busy reloading the library.
    const syncedAt = await panel.evaluate<string | null>(
      `document.querySelector('[data-testid="sync-status"]').getAttribute('data-synced-at')`,
    );
    const workerDoneMs = syncedAt ? Date.parse(syncedAt) - clickedAt : Number.NaN;
    const usableMs = Math.max(synced.idleMs, synced.shownMs);
    const stored = await panel.evaluate<{ practices: number; withText: number; cursor: number }>(
      countStoredExpression,
    );
    if (stored.practices !== count || stored.withText !== count || stored.cursor !== version) {
      throw new Error(
        `IndexedDB holds ${stored.practices} practices (${stored.withText} with their text) at cursor ${stored.cursor}, not ${count} at ${version}`,
      );
    }

    const raw: RawPull[] = [];
    const rawLight: RawPull[] = [];
    for (let i = 0; i < 3; i++) {
      raw.push(await pullEverything(server.origin, member.token));
      rawLight.push(await pullEverything(server.origin, member.token, 1000, 0, metadataOnly));
    }
    const rawMs = median(raw.map((r) => r.ms));
    const rawLightMs = median(rawLight.map((r) => r.ms));
    const { pages, bytes } = raw[0]!;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

    return {
      name,
      description,
      tables: [
        {
          title:
            "Where the browser's sync spends its time, from the server's request log (ms after the click; gaps between pulls = the extension reading and applying the page)",
          columns: ['step', 'from', 'to', 'ms'],
          rows: timeline,
        },
        {
          title: `${count.toLocaleString('en-US')} practices, ${pages} pages of 1,000: ${mb(bytes)} of JSON whole, ${mb(rawLight[0]!.bytes)} without the page texts`,
          columns: ['what', 'ms'],
          rows: [
            [
              'service worker: click → its sync run done (listing pulled and applied, names, conflicts)',
              workerDoneMs,
            ],
            ['browser: click → status idle in the side panel', synced.idleMs],
            ['browser: click → side panel lists and counts them all (usable)', synced.shownMs],
            [
              'browser: click → every practice spread from its pull page into the practices store (background)',
              synced.spreadMs,
            ],
            ['browser: click → every page text stored too (background backfill done)', synced.textsMs],
            ['Node: the same whole pulls, read but not applied (median of 3) — the baseline', rawMs],
            ...raw.map((r, i): [string, number] => [`  Node whole pull run ${i + 1}`, r.ms]),
            ['Node: the pulls without texts (omit=contentMarkdown), read only (median of 3)', rawLightMs],
            ...rawLight.map((r, i): [string, number] => [`  Node pull without texts, run ${i + 1}`, r.ms]),
            ['(seeding the server, untimed for the figures)', seedMs],
          ],
        },
      ],
      figures: [
        {
          label: 'initial sync, click → library usable (side panel idle, lists all)',
          value: usableMs,
          unit: 'ms',
          baseline: { label: 'raw HTTP pulls from Node', value: rawMs },
          goal: { text: `≤ ${goalMs} ms`, met: usableMs <= goalMs },
        },
        {
          label: 'initial sync, click → every page text stored too',
          value: synced.textsMs,
          unit: 'ms',
          baseline: { label: 'raw HTTP pulls from Node', value: rawMs },
        },
        {
          label: 'initial sync, click → service worker done',
          value: workerDoneMs,
          unit: 'ms',
          baseline: { label: 'raw HTTP pulls from Node', value: rawMs },
          goal: { text: `≤ ${goalMs} ms`, met: workerDoneMs <= goalMs },
        },
        {
          label: 'initial sync, click → status idle',
          value: synced.idleMs,
          unit: 'ms',
          baseline: { label: 'raw HTTP pulls from Node', value: rawMs },
          goal: { text: `≤ ${goalMs} ms`, met: synced.idleMs <= goalMs },
        },
      ],
      notes: [
        `Server: the real app (rate limit off) in its own Node process on 127.0.0.1, fresh file database; the library was written in the push route's row format (bench/sync/seed-library.ts), ${Math.ceil(count / 50)} versions of 50. One run (a first sync happens once per browser): read it with the load average below.`,
        `Browser: Chromium with ${build.dir}, connected through the options page with a connect code; the connect-time sync ran on the empty library before seeding. Verified afterwards: IndexedDB holds ${stored.practices} practices, ${stored.withText} of them with their page text, and the cursor is the library version (${version}).`,
        "Sync = the extension's own run (extension/sync/sync-engine.ts): push (nothing pending), pull in pages of 1,000 without the page texts (omit=contentMarkdown: a first sync is metadata first, shared/sync/README.md), the next page asked for as soon as an answer's headers name it (X-Pull-Next), each page stored as one IndexedDB record (the answer's JSON text) in one transaction with the cursor, its commit overlapping the next answer (extension/store/pulled-pages.ts: the practices are spread into their own store half a second after the run, in the background (not at once: that competed with the side panel's last merges; the toolbar marks wait for it); until then every reader lays the pages over the store, and a lookup by address spreads them first), then sent to the open side panel, which merges it into its list once per frame (it lists the library as it arrives), member names and conflicts (asked for during the pull); at the end the side panel, having merged every page, does not read the library back. Then, in the background, the page texts are fetched (pull with until=, pages of 1,000) and stored in their own IndexedDB store (practiceTexts), where lists never read them.",
        "Usable = the status is idle and the side panel lists every practice and counts them all: each can be opened, edited, filtered by area or tag and found by title, tags, summary, note, site and highlights. Until its text has arrived, a practice's detail says the text is still downloading and offline search does not find words that only its page text holds; the second figure is when every text is stored (the side panel then reloads the library once more, with the texts, for search).",
        'Context (STACK.md, not the baseline): IndexedDB in Chromium wrote 10,000 records in 0.8 s on this kind of machine.',
        describeBuild(build),
      ],
      data: { count, synced, workerDoneMs, raw, rawLight, seedMs, version, timeline },
    };
  } finally {
    await ext?.close();
    await server.stop();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const initialSync: Bench = { name, description, run };
